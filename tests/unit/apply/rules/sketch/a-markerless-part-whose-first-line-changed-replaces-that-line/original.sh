#!/bin/sh
set -e

check_groups() {
  if perf stat -e '{slots,topdown-retiring}' true 2>&1 | egrep -q "<not supported>"
  then
    echo "group test [Failed]"
    err=1
    return
  fi
  echo "group test [Success]"
}

check_groups
exit $err
