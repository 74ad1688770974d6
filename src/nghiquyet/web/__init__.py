"""Web layer: the JSON API (api/) and HTML pages (pages/), built by `app.create_app(settings)`."""
