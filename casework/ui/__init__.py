"""The ipywidgets apps, one module per stage, plus shared components."""
