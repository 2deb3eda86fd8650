"""What the browser tests share."""

# Headless Debian Chromium as the browser tests start it. The background-networking flags
# keep it from dialling Google's services, which this closed network refuses.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
