"""Research: parameter sweeps over declared strategy parameters (Optuna), walk-forward and
train/test validation, and the sweep report."""
