from etudes_desktop.cli import run

run()
