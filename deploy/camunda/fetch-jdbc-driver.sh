#!/bin/sh
# Puts MySQL Connector/J into /driver-lib for the Orchestration Cluster, which adds every jar found
# there to its classpath. Camunda does not bundle the MySQL driver ("Oracle and MySQL must be
# user-supplied"); Camunda 8.9 is tested with com.mysql:mysql-connector-j 9.5.0, the version RevFlow
# itself runs with.
#
# Idempotent: a jar already present with the expected SHA-256 is kept, so only the first start needs
# to reach the Maven repository. Any other *.jar in the folder is removed, so a version change never
# leaves two drivers on Camunda's classpath.
#
# Environment: MYSQL_CONNECTOR_J_VERSION, MYSQL_CONNECTOR_J_SHA256 (of the jar, as published on Maven
# Central), MAVEN_REPOSITORY_URL (a mirror may be given), DRIVER_LIB (default /driver-lib).
set -eu

version="${MYSQL_CONNECTOR_J_VERSION:?MYSQL_CONNECTOR_J_VERSION is not set}"
sha256="${MYSQL_CONNECTOR_J_SHA256:?MYSQL_CONNECTOR_J_SHA256 is not set}"
repository="${MAVEN_REPOSITORY_URL:-https://repo1.maven.org/maven2}"
dir="${DRIVER_LIB:-/driver-lib}"

name="mysql-connector-j-${version}.jar"
target="${dir}/${name}"
url="${repository%/}/com/mysql/mysql-connector-j/${version}/${name}"

checksum_ok() {
  [ "$(sha256sum "$1" | cut -d ' ' -f 1)" = "$sha256" ]
}

mkdir -p "$dir"

if [ -f "$target" ] && checksum_ok "$target"; then
  echo "fetch-jdbc-driver: ${name} already present, checksum OK"
else
  echo "fetch-jdbc-driver: downloading ${url}"
  rm -f "${target}.part"
  wget -q -O "${target}.part" "$url"
  if ! checksum_ok "${target}.part"; then
    echo "fetch-jdbc-driver: SHA-256 mismatch for ${name} (expected ${sha256}); refusing it" >&2
    rm -f "${target}.part"
    exit 1
  fi
  mv "${target}.part" "$target"
  echo "fetch-jdbc-driver: ${name} installed"
fi

for jar in "$dir"/*.jar; do
  [ "$jar" = "$target" ] || { echo "fetch-jdbc-driver: removing stale ${jar}"; rm -f "$jar"; }
done
# World-readable: the Camunda container runs as a non-root user.
chmod 0644 "$target"
