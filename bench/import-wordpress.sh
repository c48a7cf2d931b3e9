#!/usr/bin/env bash
# WordPress's own importer on the same export as bench/import.sh, for the side-by-side in docs/benchmarks.md:
# Debian's WordPress on a private MariaDB (started here, stopped at the end), the WordPress Importer plugin's
# WP_Import->import(FILE) run from the command line as its admin page runs it (authors created as new users, the
# default; attachments not fetched: there is no network), timed, then the same file imported again (the repeat).
#
# Usage: bench/import-wordpress.sh PLUGIN_DIR [EXPORT]
#   PLUGIN_DIR  the WordPress Importer plugin (wordpress-importer/, with wordpress-importer.php, class-wp-import.php
#               and its parsers), as you downloaded it; this script never fetches it
#   EXPORT      the WXR file (default: target/bench-import/export-10000.xml, which bench/import.sh writes; written
#               here the same way when missing)
# Needs Debian's php-cli, php-mysql, php-xml, mariadb-server and wordpress packages:
#   apt-get install -y php-cli php-mysql php-xml mariadb-server wordpress time
# On a shared machine, through the build lock: flock /tmp/newsroom-build.lock bench/import-wordpress.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

plugin=${1:?"Användning: bench/import-wordpress.sh PLUGIN_DIR [EXPORT] (se kommentaren överst)"}
plugin=$(cd "$plugin" && pwd)
export=${2:-target/bench-import/export-10000.xml}
[ -f "$plugin/wordpress-importer.php" ] || { echo "Ingen wordpress-importer.php i $plugin" >&2; exit 64; }
for need in php mariadbd mariadb-install-db /usr/share/wordpress/wp-load.php /usr/bin/time; do
  if ! command -v "$need" >/dev/null 2>&1 && [ ! -e "$need" ]; then
    echo "Saknas: $need. apt-get install -y php-cli php-mysql php-xml mariadb-server wordpress time" >&2
    exit 1
  fi
done
if [ ! -f "$export" ]; then
  . .mvn/wrapper/select-jdk.sh
  mkdir -p "$(dirname "$export")"
  "$JAVA_HOME/bin/java" importer/src/test/java/se/newsroom/importer/fixtures/WxrExportGenerator.java "$export" 10000
fi
export=$(cd "$(dirname "$export")" && pwd)/$(basename "$export")

work="$root/target/bench-import-wordpress"
rm -rf "$work"
mkdir -p "$work/db"

# A private MariaDB: its own data directory and socket, no TCP port, stopped on exit.
mariadb-install-db --no-defaults --datadir="$work/db" --user="$(id -un)" --auth-root-authentication-method=normal \
  > "$work/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/db" --socket="$work/mysqld.sock" --skip-networking \
  --user="$(id -un)" --pid-file="$work/mysqld.pid" --log-error="$work/mysqld.err" \
  --innodb-buffer-pool-size=256M &
db_pid=$!
trap 'kill "$db_pid" 2>/dev/null || true; wait "$db_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ -S "$work/mysqld.sock" ] && break
  sleep 0.2
done
mariadb --no-defaults --socket="$work/mysqld.sock" -uroot -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4"

# Debian's WordPress, copied (symbolic links resolved) so that its config is ours alone.
cp -rL /usr/share/wordpress "$work/wordpress"
cat > "$work/wordpress/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$work/mysqld.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_CONTENT_DIR', '$work/wordpress/wp-content' );
define( 'WP_HOME', 'http://localhost' );
define( 'WP_SITEURL', 'http://localhost' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_DEBUG', false );
\$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
cat > "$work/install.php" <<'PHP'
<?php
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = 'localhost';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install( 'Benchmark', 'admin', 'admin@example.com', false, '', 'bench-password' );
update_option( 'permalink_structure', '/%year%/%monthnum%/%day%/%postname%/' );
update_option( 'timezone_string', 'Europe/Stockholm' );
echo 'WordPress ' . get_bloginfo( 'version' ) . ' installed, admin user ' . $r['user_id'] . "\n";
PHP
cat > "$work/import.php" <<'PHP'
<?php
// As the importer's admin page runs it (step 2), from the command line: every author a new user.
define( 'WP_LOAD_IMPORTERS', true );
define( 'WP_IMPORTING', true );
$_SERVER['HTTP_HOST'] = 'localhost';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
wp_set_current_user( 1 );
require $argv[2] . '/wordpress-importer.php';
global $wpdb;
$posts_before    = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'post'" );
$comments_before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->comments}" );
// The form's choice for each author of the file: create a new user (the authors are listed before the first item).
$head = file_get_contents( $argv[3], false, null, 0, 1 << 20 );
preg_match_all( '|<wp:author_login>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</wp:author_login>|', $head, $logins );
$_POST['imported_authors'] = $logins[1];
$importer = new WP_Import();
$importer->fetch_attachments = false;
add_action( 'import_start', function () use ( &$parsed ) {
	$parsed = microtime( true ); // fired when import_start() has parsed the file
} );
$start = microtime( true );
ob_start();
$importer->import( $argv[3] );
$output = ob_get_clean();
$end = microtime( true );
file_put_contents( $argv[4], $output );
$posts    = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'post'" ) - $posts_before;
$comments = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->comments}" ) - $comments_before;
printf( "parse_s=%.1f import_s=%.1f posts_written=%d comments_written=%d php_peak_MiB=%.0f\n", $parsed - $start,
	$end - $start, $posts, $comments, memory_get_peak_usage( true ) / 1048576 );
PHP

php "$work/install.php" "$work/wordpress" | tee "$work/install.txt"
wp_version=$(sed -n 's/^WordPress \([^ ]*\) installed.*/\1/p' "$work/install.txt")
plugin_version=$(sed -n 's/^ *\** *Version: *//p' "$plugin/wordpress-importer.php" | head -1)

run() { # run NAME: one import, timed by GNU time (the PHP process) and by the script itself
  /usr/bin/time -v -o "$work/$1.time" php "$work/import.php" "$work/wordpress" "$plugin" "$export" \
    "$work/$1.html" > "$work/$1.txt" 2> "$work/$1.err" || { cat "$work/$1.err" >&2; exit 1; }
  cat "$work/$1.txt"
}
echo "Importing with WordPress's importer (first run) ..."
run first
# What WordPress made of the posts and comments (slugs, statuses, dates, threads), to compare with Newsroom's import.
sql() { mariadb --no-defaults --socket="$work/mysqld.sock" -uroot wordpress -e "$1"; }
sql "SELECT ID, post_name, post_status, post_date_gmt, post_title FROM wp_posts WHERE post_type = 'post' ORDER BY ID" \
  > "$work/first-posts.tsv"
sql "SELECT comment_ID, comment_post_ID, comment_parent, comment_approved, comment_type, comment_author FROM wp_comments
  ORDER BY comment_ID" > "$work/first-comments.tsv"
echo "Importing again (the repeat) ..."
run second
db_hwm=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$db_pid/status")

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2"; }
wall() {
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}
read_posts=$(grep -c '<wp:post_type><!\[CDATA\[post\]\]>' "$export" || true)
read_comments=$(grep -c '<wp:comment>' "$export" || true)
printf '\nWordPress %s, WordPress Importer %s, %s, on %s (%s MB): %s cores\n' "$wp_version" "${plugin_version:-?}" \
  "$(php -r 'echo "PHP " . PHP_VERSION;')" "$(basename "$export")" \
  "$(awk '{ printf "%.0f", $1 / 1e6 }' < <(stat -c %s "$export"))" "$(nproc)"
printf '%-8s %9s %9s %9s %9s %10s %10s %9s\n' run wall_s parse_s posts_in comm_in posts/s comm/s peak_MiB
for name in first second; do
  secs=$(wall "$work/$name.time")
  printf '%-8s %9s %9s %9s %9s %10.0f %10.0f %9s\n' "$name" "$secs" "$(field parse_s "$work/$name.txt")" \
    "$(field posts_written "$work/$name.txt")" "$(field comments_written "$work/$name.txt")" \
    "$(awk -v n="$read_posts" -v s="$secs" 'BEGIN { print n / s }')" \
    "$(awk -v n="$read_comments" -v s="$secs" 'BEGIN { print n / s }')" \
    "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time" | awk '{ printf "%.0f", $1 / 1024 }')"
done
printf 'peak_MiB is the PHP process; MariaDB'"'"'s server peaked at %s MiB (VmHWM) besides.\n' "$db_hwm"
printf 'The importer said (first run, its first lines without markup):\n'
sed 's/<[^>]*>/ /g' "$work/first.html" | tr -s ' ' | head -c 600
echo
