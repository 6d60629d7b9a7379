#!/usr/bin/env bash
# Make sure the system tools the test suites need are present; install the missing ones
# from Debian's packages when running as root, else say exactly what to install.
#
#   Chromium           Playwright browser tests (never downloaded by Playwright)
#                      $PLAYWRIGHT_CHROMIUM_EXECUTABLE if set, else /usr/bin/chromium  (package: chromium)
#   xmllint            sitemap validation against the sitemaps.org XSDs               (package: libxml2-utils)
#   python3 feedparser feed tests parse dist/rss.xml like a feed reader               (package: python3-feedparser)
#                      always /usr/bin/python3: a pyenv/venv python on PATH lacks it
#   newsboat           feed tests load dist/rss.xml in a real terminal feed reader    (package: newsboat)
#   java (17+)         the W3C Nu HTML Checker (npm vnu-jar) validates every page     (package: default-jre-headless)
#                      of dist/ (tests/build/html-validity.test.ts)
#   nginx              the shipped server config (deploy/nginx.conf) serves dist/ on    (package: nginx)
#                      loopback in tests/deploy/; $NGINX_BINARY if set, else nginx on PATH or /usr/sbin/nginx
#
# Idempotent, and fast when everything is present (no apt-get call at all).
# Prints one line per tool. Exit 0 when every tool is usable, 1 otherwise.
set -euo pipefail

chromium="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"
missing_packages=()
found=()

have_chromium() { [[ -x "$chromium" ]]; }
have_xmllint() { command -v xmllint >/dev/null 2>&1; }
have_feedparser() { [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1; }
have_newsboat() { command -v newsboat >/dev/null 2>&1; }
# vnu.jar needs Java 17 or newer: `java -version` prints e.g. `openjdk version "17.0.15"` (or "1.8.0_x" for 8).
java_major() { java -version 2>&1 | sed -n 's/.* version "\([0-9]*\)[."].*/\1/p' | head -n 1; }
have_java() { command -v java >/dev/null 2>&1 && [[ "$(java_major)" =~ ^[0-9]+$ ]] && (($(java_major) >= 17)); }
nginx_binary() { if [[ -n "${NGINX_BINARY:-}" ]]; then echo "$NGINX_BINARY"; else command -v nginx 2>/dev/null || echo /usr/sbin/nginx; fi; }
have_nginx() { [[ -x "$(nginx_binary)" ]]; }
java_found() { command -v java >/dev/null 2>&1 && echo "$(command -v java), Java $(java_major)"; }

check() { # name, test function, Debian package, description of what was found
  local name="$1" test="$2" package="$3"
  if "$test"; then
    found+=("$name")
    printf 'provision: %-18s found (%s)\n' "$name" "$4"
  else
    missing_packages+=("$package")
  fi
}

if [[ -n "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" && ! -x "$chromium" ]]; then
  echo "provision: chromium: PLAYWRIGHT_CHROMIUM_EXECUTABLE=$chromium is not an executable file." >&2
  echo "provision: unset it to use /usr/bin/chromium (Debian package chromium), or point it at a Chromium binary." >&2
  exit 1
fi

check chromium have_chromium chromium "$chromium"
check xmllint have_xmllint libxml2-utils "$(command -v xmllint 2>/dev/null || true)"
check python3-feedparser have_feedparser python3-feedparser "/usr/bin/python3"
check newsboat have_newsboat newsboat "$(command -v newsboat 2>/dev/null || true)"
check java have_java default-jre-headless "$(java_found || true)"
check nginx have_nginx nginx "$(nginx_binary)"

if ((${#missing_packages[@]} == 0)); then
  exit 0
fi

if [[ "$(id -u)" != 0 ]]; then
  {
    echo "provision: missing Debian packages: ${missing_packages[*]}"
    echo "provision: install them as root, then run the tests again:"
    echo "    sudo apt-get update && sudo apt-get install -y ${missing_packages[*]}"
  } >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "provision: missing ${missing_packages[*]} and no apt-get on this machine: install the equivalent packages by hand." >&2
  exit 1
fi

echo "provision: installing ${missing_packages[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
# The OpenJDK packages' postinst fails on slim Debian images that lack this man directory.
[[ " ${missing_packages[*]} " == *" default-jre-headless "* ]] && mkdir -p /usr/share/man/man1
apt-get update -qq
# The tests start their own nginx on loopback; the package must not start a system nginx on
# port 80 (or fail to, where the port is taken or there is no init system). policy-rc.d exit
# 101 tells invoke-rc.d not to start services; a policy-rc.d already in place is left alone.
own_policy=""
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
fi
install_status=0
apt-get install -y -qq "${missing_packages[@]}" >/dev/null || install_status=$?
[[ -n "$own_policy" ]] && rm -f /usr/sbin/policy-rc.d
((install_status == 0)) || echo "provision: apt-get install exited with status $install_status" >&2

status=0
verify() { # name, test function, description
  local name="$1"
  for f in "${found[@]}"; do [[ "$f" == "$name" ]] && return 0; done
  if "$2"; then
    printf 'provision: %-18s installed (%s)\n' "$name" "$3"
  else
    printf 'provision: %-18s STILL MISSING after apt-get install\n' "$name" >&2
    status=1
  fi
}
verify chromium have_chromium "$chromium"
verify xmllint have_xmllint "$(command -v xmllint 2>/dev/null || true)"
verify python3-feedparser have_feedparser /usr/bin/python3
verify newsboat have_newsboat "$(command -v newsboat 2>/dev/null || true)"
verify java have_java "$(java_found || true)"
verify nginx have_nginx "$(nginx_binary)"
exit "$status"
