# cannot run here: pytest and pytest-django are not installed in the check environment, and every code block is pytest-django configuration, fixtures or markers
