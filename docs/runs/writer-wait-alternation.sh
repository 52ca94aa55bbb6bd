#!/bin/bash
# alternates the old and new jars: latency at a fixed rate; writer CPU from CPU samples (1 ms each)
# DIR (default /tmp) holds old/ and new/, each with unifiedwriter-perf.jar and perf-libs/; AP is async-profiler's
# libasyncProfiler.so (from tools.profiler:async-profiler:4.1). Usage: writer-wait-alternation.sh RATE PAIRS
RATE=${1:-20000}; PAIRS=${2:-3}
for i in $(seq 1 $PAIRS); do for v in old new; do
  cd ${DIR:-/tmp}/$v; rm -f ${DIR:-/tmp}/$v/prof-*.txt
  java -jar unifiedwriter-perf.jar latency --stacks uw-block --threads 4 --rate $RATE --seconds 15 --warmup 3 --jvm-args "-Xms1g -Xmx1g -agentpath:${AP:-/tmp/ap/linux-x64/libasyncProfiler.so}=start,event=cpu,interval=1ms,threads,collapsed,file=${DIR:-/tmp}/$v/prof-%p.txt" > ${DIR:-/tmp}/$v/lat.txt 2>&1
  f=$(ls ${DIR:-/tmp}/$v/prof-*.txt | tail -1)
  w=$(grep "^\[file " $f | awk '{s+=$NF} END {print s+0}')
  p=$(grep "^\[producer" $f | awk '{s+=$NF} END {print s+0}')
  a=$(awk '{s+=$NF} END {print s+0}' $f)
  c=$(awk '/^stack/{p=1} p && / caller /' ${DIR:-/tmp}/$v/lat.txt | awk '{print "caller p50",$4,"p99",$5,"p99.9",$6,"max",$8}')
  s=$(awk '/^stack/{p=1} p && / service /' ${DIR:-/tmp}/$v/lat.txt | awk '{print "service p50",$2,"p99",$3}')
  fl=$(awk '/^stack/{p=1} p && / file /' ${DIR:-/tmp}/$v/lat.txt | awk '{print "file p50",$2,"p99",$3}')
  echo "$v writer_ms=$w producers_ms=$p all_ms=$a | $c | $s | $fl"
done; done
