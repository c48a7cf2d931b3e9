#!/bin/sh
# The stand-in's entry point: S3Proxy configured from the environment variables the official image reads (those
# below; the official image reads more), then started in the foreground.
set -eu
cat > /opt/s3proxy/s3proxy.conf <<CONF
s3proxy.endpoint=${S3PROXY_ENDPOINT:-http://0.0.0.0:80}
s3proxy.authorization=${S3PROXY_AUTHORIZATION:-aws-v2-or-v4}
s3proxy.identity=${S3PROXY_IDENTITY:-local-identity}
s3proxy.credential=${S3PROXY_CREDENTIAL:-local-credential}
s3proxy.cors-allow-all=${S3PROXY_CORS_ALLOW_ALL:-false}
s3proxy.ignore-unknown-headers=${S3PROXY_IGNORE_UNKNOWN_HEADERS:-false}
jclouds.provider=${JCLOUDS_PROVIDER:-filesystem}
jclouds.identity=${JCLOUDS_IDENTITY:-remote-identity}
jclouds.credential=${JCLOUDS_CREDENTIAL:-remote-credential}
jclouds.filesystem.basedir=${JCLOUDS_FILESYSTEM_BASEDIR:-/data}
CONF
cat > /opt/s3proxy/logback.xml <<XML
<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="${LOG_LEVEL:-info}"><appender-ref ref="STDOUT"/></root>
</configuration>
XML
mkdir -p "${JCLOUDS_FILESYSTEM_BASEDIR:-/data}"
exec java -Dlogback.configurationFile=/opt/s3proxy/logback.xml -cp "/opt/s3proxy/lib/*" org.gaul.s3proxy.Main \
  --properties /opt/s3proxy/s3proxy.conf
