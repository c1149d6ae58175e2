#!/usr/bin/env bash
# The browser tests need Debian's Chromium and chromedriver (docs: README, "Two commands"). Installs them when they are
# missing and this runs as root with apt-get; otherwise fails with what to do. Maven runs this before the
# integration tests (pathway-api/pom.xml); .ci/run runs it before the build.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium or chromedriver is missing: installing Debian's chromium and chromium-driver for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q chromium chromium-driver; then
    apt-get update -q
    apt-get install -y -q chromium chromium-driver
  fi
fi

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
  exit 0
fi

cat >&2 <<MESSAGE
The browser tests need $CHROMIUM and $DRIVER, which are not there and could not be installed
(installing needs root and apt-get). Install them, then run the tests again:

    sudo apt-get update && sudo apt-get install -y chromium chromium-driver

MESSAGE
exit 1
