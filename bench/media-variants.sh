#!/usr/bin/env bash
# Pictures' benchmark: a 12-megapixel photo-like JPEG (made here) into 480, 960 and 1600 px wide variants at JPEG
# quality 82, metadata stripped, by Newsroom's ImageVariants (one JVM, capped at -Xmx512m: it must pass), by
# ImageMagick's convert (one process per photo, decoding once and writing all three) and by libvips' vipsthumbnail
# (one process per variant, as it makes one size per run; shrink-on-load). Variants per second over RUNS photos
# (default 10, after warming up), and each tool's peak memory: /usr/bin/time's max RSS, and the JVM's peak heap.
# Prints a table. Debian's imagemagick, libvips-tools and time packages are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"
runs=${RUNS:-10}
if [ ! -x /usr/bin/convert ] || ! command -v vipsthumbnail >/dev/null || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq imagemagick libvips-tools time >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./mvnw -B -q -DskipTests -pl functions/media -am package dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="functions/media/target/classes:$(cat "$work/cp.txt")"
"$JAVA_HOME/bin/javac" -d "$work/bench" -cp "$cp" bench/media/VariantsBench.java

# A photo-like picture: a fractal plasma, softened, 4000 x 3000, as a camera would save it (quality 92).
/usr/bin/convert -seed 13 -size 4000x3000 plasma:fractal -blur 0x1 -quality 92 "$work/photo.jpg"
mkdir -p "$work/out"
rss() { awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$1"; }
now() { date +%s.%N; }

/usr/bin/time -v -o "$work/java.time" "$java" -Xmx512m -Djava.awt.headless=true -cp "$work/bench:$cp" \
  VariantsBench "$work/photo.jpg" "$work/out" "$runs" > "$work/java.out"
read -r java_rate java_first java_heap < "$work/java.out"

magick() {
  /usr/bin/convert "$work/photo.jpg" -auto-orient -strip -quality 82 \
    \( +clone -resize 1600x -write "$work/out/magick-1600.jpg" +delete \) \
    \( +clone -resize 960x -write "$work/out/magick-960.jpg" +delete \) \
    -resize 480x "$work/out/magick-480.jpg"
}
vips() {
  for w in 1600 960 480; do
    vipsthumbnail "$work/photo.jpg" --size "${w}x" -o "$work/out/vips-$w.jpg[Q=82,strip]"
  done
}
for tool in magick vips; do
  "$tool"
  start=$(now)
  for _ in $(seq 1 "$runs"); do "$tool"; done
  end=$(now)
  eval "${tool}_rate=$(echo "3 * $runs / ($end - $start)" | bc -l | xargs printf '%.2f')"
  export -f "$tool"; export work
  /usr/bin/time -v -o "$work/$tool.time" bash -c "$tool"
done

printf 'input: %s, 4000 x 3000 (12 MP), %d bytes; %d photos each, after warming up; %d cores\n' \
  "photo.jpg" "$(stat -c %s "$work/photo.jpg")" "$runs" "$(nproc)"
printf '%-34s %16s %14s %16s\n' "tool" "variants/s" "max RSS MB" "peak heap MB"
printf '%-34s %16s %14s %16s\n' "Newsroom ImageVariants (-Xmx512m)" "$java_rate" "$(rss "$work/java.time")" "$java_heap"
printf '%-34s %16s %14s %16s\n' "ImageMagick $(/usr/bin/convert -version | awk 'NR==1 {print $3}') convert" \
  "$magick_rate" "$(rss "$work/magick.time")" "-"
printf '%-34s %16s %14s %16s\n' "$(vipsthumbnail --version) vipsthumbnail" "$vips_rate" "$(rss "$work/vips.time")" "-"
printf 'Newsroom first call in a fresh JVM: %s ms\n' "$java_first"
printf 'variant sizes (bytes):\n'
for w in 480 960 1600; do
  printf '  %4d: newsroom %7d  magick %7d  vips %7d\n' "$w" "$(stat -c %s "$work/out/newsroom-$w.jpg")" \
    "$(stat -c %s "$work/out/magick-$w.jpg")" "$(stat -c %s "$work/out/vips-$w.jpg")"
done
