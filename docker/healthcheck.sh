#!/usr/bin/env bash
# usage: healthcheck.sh [PATH] [PORT]
# Exit 0 when GET http://127.0.0.1:PORT/PATH (default /health/ready on 8080) answers HTTP 200, else 1.
# Needs bash only (its /dev/tcp), because the images it runs in have neither curl nor wget.
path=${1:-/health/ready}
port=${2:-8080}
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || { echo "nothing listens on 127.0.0.1:${port}"; exit 1; }
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || { echo "no answer from 127.0.0.1:${port}${path}"; exit 1; }
exec 3<&-
status=${status%$'\r'}
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "127.0.0.1:${port}${path}: ${status}"; exit 1 ;;
esac
