# Shared by .ci/crash-drill and .ci/load-drill (source it): a fresh PostgreSQL database on the local
# server, the packaged application jar started against it on a free loopback port, and clean-up.
# Needs: ./mvnw verify (or package) has built target/stegvis-*.jar; psql; PostgreSQL on 127.0.0.1:5432.

DRILL_PG_USER="${STEGVIS_TEST_POSTGRES_USER:-postgres}"
DRILL_DIR="$(mktemp -d /tmp/stegvis-drill.XXXXXX)"
DRILL_DB="stegvis_drill_$(date +%s)_$$"
DRILL_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
DRILL_URL="http://127.0.0.1:${DRILL_PORT}"
DRILL_ADMIN_PASSWORD="Drill-$(date +%s)-admin"
APP_PID=""
APP_STARTS=0

drill_sql() {
  psql -h 127.0.0.1 -U "$DRILL_PG_USER" -d "$DRILL_DB" -v ON_ERROR_STOP=1 -qAtc "$1"
}

drill_db_create() {
  psql -h 127.0.0.1 -U "$DRILL_PG_USER" -d postgres -qc "create database $DRILL_DB"
}

# Starts the jar in the background and waits until health is UP (bounded).
drill_app_start() {
  local jar
  jar="$(ls target/stegvis-*.jar | grep -v original | head -1)"
  APP_STARTS=$((APP_STARTS + 1))
  # The default profile pointed at PostgreSQL: the drills act as the demo users on the demo projects,
  # and the postgres profile refuses to start with demo users (their password is "demo").
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DRILL_DB" \
  SPRING_DATASOURCE_USERNAME="$DRILL_PG_USER" SPRING_DATASOURCE_PASSWORD="" \
  STEGVIS_ADMIN_PASSWORD="$DRILL_ADMIN_PASSWORD" STEGVIS_DEMO=true PORT="$DRILL_PORT" \
  SERVER_ADDRESS=127.0.0.1 \
    java -Xmx512m -Duser.timezone=Europe/Stockholm -jar "$jar" >"$DRILL_DIR/app-$APP_STARTS.log" 2>&1 &
  APP_PID=$!
  local deadline=$((SECONDS + ${DRILL_START_TIMEOUT:-300}))
  until curl -fsS "$DRILL_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "drill: the application did not start; its log:"; tail -50 "$DRILL_DIR/app-$APP_STARTS.log"; return 1
    fi
    sleep 1
  done
  echo "drill: application up (start $APP_STARTS, pid $APP_PID, port $DRILL_PORT)"
}

drill_app_kill9() {
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

drill_app_stop() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}

drill_client() {
  STEGVIS_ADMIN_PASSWORD="$DRILL_ADMIN_PASSWORD" java .ci/drill/DrillClient.java "$@"
}

drill_cleanup() {
  drill_app_stop
  psql -h 127.0.0.1 -U "$DRILL_PG_USER" -d postgres -qc "drop database if exists $DRILL_DB with (force)" || true
  rm -rf "$DRILL_DIR"
}

# Open connections of the drill database, as PostgreSQL counts them.
drill_pg_connections() {
  psql -h 127.0.0.1 -U "$DRILL_PG_USER" -d postgres -qAtc \
    "select count(*) from pg_stat_activity where datname = '$DRILL_DB'"
}

# A Hikari pool figure from the metrics endpoint: "" (open connections), "_active", "_idle", "_max".
drill_hikari() {
  curl -fsS -u "admin:$DRILL_ADMIN_PASSWORD" "$DRILL_URL/actuator/prometheus" | awk -v m="hikaricp_connections$1{" 'index($0, m) == 1 {print int($2)}' | head -1
}
