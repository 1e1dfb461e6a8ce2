"""Every Turkish text the Telegram bot sends: the same keys and placeholders as
:mod:`.catalogue_en` (a test checks both). Commands (``btcbot ...``, ``/killswitch``) are not
translated: they are typed as they are."""

from __future__ import annotations

_KILL_SWITCH_OFF = "btcbot kill-switch off"

MESSAGES: dict[str, str] = {
    # --- help and refusals ------------------------------------------------------------------
    "help": (
        "btcbot, hesap {account} ({mode})\n"
        "/status: canlı mı, risk modu, anahtarlar, onu neyin durdurduğu, son döngü\n"
        "/orders: açık emirler\n"
        "/balance: bakiyeler ve pozisyonlar\n"
        "/profit: başlangıçtan beri kâr/zarar, TRY, komisyon ve vergi düşülmüş\n"
        "/daily: son 24 saat\n"
        "/stopentry on|off: yeni alımları durdur (ya da yeniden izin ver); satışlar, stoplar ve "
        "iptaller sürer\n"
        "/killswitch on|off: açıkken yeni risk yok (iptaller yine serbest)\n"
        "/freeze clear: emirleri kontrol ettikten sonra bilinmeyen emir dondurmasını kaldır\n"
        "Yazma komutları önce onay ister."
    ),
    "usage.stopentry": "/stopentry on ya da /stopentry off yazın.",
    "usage.killswitch": "/killswitch on ya da /killswitch off yazın.",
    "usage.freeze": "/freeze clear yazın (dondurma durumu /status içinde).",
    "error.unavailable": "Şu an yanıt verilemiyor: {reason}",
    "error.refused": "Reddedildi: {reason}",
    "usage.read": "/{command} argüman almaz; komutlar için /help.",
    "unknown": "/{command} diye bir komut yok; komutlar için /help. Hiçbir şey yapılmadı.",
    "error.internal": "Yanıt verilemedi: iç hata (telegram_handler_failed olarak "
    "kaydedildi). Hiçbir şey değişmedi; yeniden deneyin ya da btcbot status kullanın.",
    "error.not_done": "Yapılmadı: {reason}. Hiçbir şey değişmedi; komutu yeniden gönderin.",
    # --- confirmations ----------------------------------------------------------------------
    "confirm.prompt": "{action}\n{seconds} sn içinde onaylayın (düğme ya da evet yanıtı).",
    "confirm.yes": "Onayla",
    "confirm.no": "Vazgeç",
    "confirm.cancelled": "Vazgeçildi: {action}",
    "confirm.expired": "Yapılmadı: onay süresi doldu. Komutu yeniden gönderin.",
    "confirm.nothing": "Onay bekleyen bir işlem yok.",
    "confirm.words": "evet,e,tamam,onay,onayla",
    "action.stopentry_on": "Yeni girişler durdurulsun mu (yeni alım yok; satışlar, stoplar ve "
    "iptaller sürer)?",
    "action.stopentry_off": "Yeni girişlere yeniden izin verilsin mi?",
    "action.killswitch_on": "Acil durdurma (kill switch) AÇILSIN mı (yeni risk yok, iptaller "
    "serbest)?",
    "action.killswitch_off": "Acil durdurma KAPATILSIN ve yeni riske yeniden izin verilsin mi?",
    "action.freeze_clear": "Bilinmeyen emir dondurması kaldırılsın mı (adı geçen emirleri "
    "kontrol ettiniz)?",
    "done.stopentry_on": "Yeni girişler durduruldu. /stopentry off yeniden izin verir.",
    "done.stopentry_off": "Yeni girişlere yeniden izin verildi.",
    "done.killswitch_on": "Acil durdurma AÇIK. /killswitch off kapatır.",
    "done.killswitch_off": "Acil durdurma kapatıldı.",
    "done.killswitch_off_settings": "Acil durdurma kapatıldı; ayarlardaki KILL_SWITCH=true yeni "
    "riski hâlâ engelliyor.",
    "done.freeze_clear": "Dondurma kaldırıldı.",
    # --- reads ------------------------------------------------------------------------------
    "yes": "evet",
    "no": "hayır",
    "none": "yok",
    "status.head": "{health} | {mode} | aşama {stage} | hesap {account}",
    "status.armed": "CANLI (gerçek emir)",
    "status.dry_run": "DENEME (canlı değil: {reasons})",
    "status.no_run": "henüz kayıtlı çalışma yok",
    "status.risk": "risk modu: {mode}{reasons}",
    "status.switches": "acil durdurma: {kill_switch} | dondurma: {freeze} | yeni girişler: "
    "{entries}",
    "status.entries_on": "serbest",
    "status.entries_off": "durduruldu",
    "status.on": "AÇIK",
    "status.off": "kapalı",
    "status.last_cycle": "son döngü {when} ({ago} önce): {risk_mode}, {submits} emir, "
    "{cancels} iptal",
    "status.no_cycle": "henüz döngü yok",
    "status.equity": "varlık değeri {equity}",
    "status.process": "süreç: {detail}",
    "status.held_back": "Onu durduranlar:",
    "status.nothing_held": "Onu durduran bir şey yok.",
    "orders.head": "{count} açık emir:",
    "orders.none": "Açık emir yok.",
    "orders.line": "{side} {quantity} {symbol} @ {price} ({status}{filled}) {since}",
    "orders.filled": ", gerçekleşen {filled}",
    "balance.head": "Bakiyeler:",
    "balance.line": "{asset}: {total}",
    "balance.none": "Henüz kayıtlı bakiye yok.",
    "balance.positions": "Pozisyonlar:",
    "balance.position": "{symbol}: {quantity} @ ort. {average} ({realized} gerçekleşen)",
    "balance.equity": "Varlık değeri: {equity} (son döngü {when})",
    "profit.head": "{since} tarihinden beri kâr/zarar:",
    "profit.realized": "gerçekleşen: {amount} (komisyon ve vergi düşülmüş)",
    "profit.change": "o zamandan beri varlık değeri değişimi: {amount}",
    "profit.fees": "ödenen komisyon ve vergi: {amount}",
    "profit.equity": "varlık değeri: {equity}, zirve {peak}, düşüş %{drawdown} (en kötü "
    "%{max_drawdown})",
    "profit.other_quote": "{quote} pariteleri: gerçekleşen {amount} {quote} (çevrilmedi)",
    "profit.empty": "Henüz işlem yok.",
    "daily.head": "Son 24 saat ({start} - {end}):",
    "daily.realized": "gerçekleşen kâr/zarar: {amount} (komisyon ve vergi düşülmüş)",
    "daily.fees": "komisyon ve vergi: {amount}",
    "daily.equity": "varlık değeri: {start} -> {end} ({change})",
    "daily.no_equity": "varlık değeri: bu aralıkta değerlenmiş döngü yok",
    "daily.fills": "işlemler: {fills} ({buys} alım, {sells} satış), verilen emir: {placed}",
    "daily.other_quote": "{quote} pariteleri: gerçekleşen {amount} {quote} (çevrilmedi)",
    "daily.trips": "şu an durduran: {trips}",
    # --- notifications ----------------------------------------------------------------------
    "note.head": "btcbot {account} ({mode}):",
    "note.placed": "emir verildi: {side} {quantity} {symbol} @ {price}",
    "note.filled": "GERÇEKLEŞTİ {side} {quantity} {symbol} @ {price} ({value}, komisyon+vergi "
    "{cost})",
    "note.partial": "kısmen gerçekleşti {side} {quantity} {symbol} @ {price} ({value}, "
    "komisyon+vergi {cost})",
    "note.canceled": "iptal edildi: {side} {quantity} {symbol} @ {price}",
    "note.rejected": "REDDEDİLDİ {side} {quantity} {symbol} @ {price}: {reason}",
    "note.trip": "{headline}{detail}\nÇözmek için: {resolution}",
    "note.trip_here": "Buradan: {command}",
    "note.trip_cleared": "Kalktı: {headline}",
    "note.reconcile_failing": "MUTABAKAT BAŞARISIZ (art arda {failures}, acil durdurma "
    "{threshold} olunca): {error}",
    "note.reconcile_back": "Mutabakat yeniden çalışıyor.",
    "note.skipped": "döngü atlandı: {why}",
    "note.dropped": "({count} eski bildirim atıldı: Telegram'a ulaşılamadı)",
    "note.daily": "Günlük özet",
    "side.buy": "ALIM",
    "side.sell": "SATIM",
    "market": "piyasa",
    "side.stop": "stop {price}",
    # --- trips (the same table as btcbot.domain.trips) --------------------------------------
    "trip.kill_switch_reconcile.headline": "ACİL DURDURMA mutabakat hataları yüzünden devrede",
    "trip.kill_switch_reconcile.resolve": "borsayla neden mutabakat sağlanamadığını bulun "
    "(btcbot status son hatayı gösterir, btcbot doctor borsayı kontrol eder); borsa yeniden "
    f"yanıt verince: {_KILL_SWITCH_OFF}",
    "trip.kill_switch_ledger.headline": "ACİL DURDURMA defter uyuşmazlıkları yüzünden devrede",
    "trip.kill_switch_ledger.resolve": "para yatırdıysanız ya da çektiyseniz: btcbot ledger "
    f"rebase, ardından {_KILL_SWITCH_OFF}; yoksa kapatmadan önce btcbot ledger status ile borsa "
    "bakiyelerini karşılaştırın",
    "trip.kill_switch_operator.headline": "ACİL DURDURMA açık (bir operatör açtı)",
    "trip.kill_switch_operator.resolve": f"yeniden risk alınabilecekse {_KILL_SWITCH_OFF}",
    "trip.kill_switch_other.headline": "ACİL DURDURMA açık",
    "trip.kill_switch_other.resolve": "nedenini btcbot kill-switch status söyler; ardından "
    f"{_KILL_SWITCH_OFF}",
    "trip.kill_switch_settings.headline": "ACİL DURDURMA açık (ayarlarda KILL_SWITCH=true)",
    "trip.kill_switch_settings.resolve": "yeni riske izin vermek için KILL_SWITCH=false yapın "
    "(ortam ya da .env) ve yeniden başlatın",
    "trip.safe_mode_settings.headline": "GÜVENLİ MOD açık (ayarlarda SAFE_MODE=true): borsaya "
    "hiç yazılmıyor",
    "trip.safe_mode_settings.resolve": "emir ve iptallere izin vermek için SAFE_MODE=false yapın "
    "(ortam ya da .env) ve yeniden başlatın",
    "trip.unknown_order_freeze.headline": "DONDURULDU: hesaptaki bir emir ya da işlem bizim değil",
    "trip.unknown_order_freeze.resolve": "btcbot freeze status'un adını verdiği emir ya da "
    "işlemleri borsada kontrol edin (orada olmaması gereken emri iptal edin; başkasının "
    "işleminden sonra bakiye değişikliğini btcbot ledger rebase ile kabul edin), ardından "
    "btcbot freeze clear",
    "trip.degrade_override.headline": "ZORLA RİSK MODU (degrade override) devrede",
    "trip.degrade_override.resolve": "btcbot degrade clear (ya da süresinin dolmasını bekleyin)",
    "trip.stop_entries.headline": "YENİ GİRİŞLER DURDURULDU (bir operatör): yeni alım yok; "
    "satışlar, stoplar ve iptaller sürer",
    "trip.stop_entries.resolve": "yeni alımlara yeniden izin verilecekse btcbot entries resume",
    "trip.reconcile_failing.headline": "MUTABAKAT BAŞARISIZ",
    "trip.reconcile_failing.resolve": "borsa emirlerimizle karşılaştırılamadı; btcbot doctor "
    "kontrol eder; sürerse acil durdurma devreye girer",
    "trip.ledger_mismatch.headline": "DEFTER UYUŞMAZLIĞI: defter borsa bakiyelerini açıklamıyor",
    "trip.ledger_mismatch.resolve": "para yatırdıysanız ya da çektiyseniz: btcbot ledger "
    "rebase; sürerse acil durdurma devreye girer",
    "trip.lock_lost.headline": "KİLİT KAYBEDİLDİ: bu hesabı başka bir süreç devraldı",
    "trip.lock_lost.resolve": "btcbot lock status; diğer süreci durdurun (ya da gittiyse btcbot "
    "lock release --force), ardından yeniden başlatın",
    "trip.lock_held.headline": "KİLİTLİ: bu hesapla başka bir süreç işlem yapıyor",
    "trip.lock_held.resolve": "btcbot lock status; diğer süreci durdurun ya da çöktüyse: btcbot "
    "lock release",
}
