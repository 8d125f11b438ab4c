// pgjdbc (the PostgreSQL JDBC driver) against a server given by a JDBC URL.
//
// Run with Java 11+ single-file source launch, no build step:
//   java -cp postgresql-42.7.14.jar test/clients/java/PgjdbcClient.java 'jdbc:postgresql://127.0.0.1:5432/postgres' postgres
//
// Each scenario runs on its own connection and prints one line:
//   ok <scenario>                         every check in it passed
//   FAIL <scenario>: <what went wrong>     a check failed or the driver threw (the run exits 1)
// followed by "done ok=N failed=N" and exit status 0 only when nothing failed.
// Optional further arguments name the scenarios to run (default: all).

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.text.MessageFormat;

public class PgjdbcClient {
    static String url;
    static String user;

    /** A scenario body; throwing (an AssertionError from check() or an SQLException) fails it. */
    interface Scenario {
        void run(Connection conn) throws Exception;
    }

    static void check(String what, Object actual, Object expected) {
        boolean same = expected == null ? actual == null : expected.equals(actual);
        if (!same) {
            throw new AssertionError(what + ": got " + show(actual) + ", expected " + show(expected));
        }
    }

    static void check(String what, boolean condition) {
        if (!condition) throw new AssertionError(what);
    }

    static String show(Object value) {
        if (value == null) return "null";
        if (value instanceof String) return "'" + value + "'";
        return value + " (" + value.getClass().getSimpleName() + ")";
    }

    static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        return DriverManager.getConnection(url, props);
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof SQLException) {
            SQLException se = (SQLException) e;
            sb.append(" [SQLSTATE ").append(se.getSQLState()).append("]");
        }
        sb.append(": ").append(String.valueOf(e.getMessage()).replace('\n', ' '));
        Throwable next = e instanceof BatchUpdateException ? ((SQLException) e).getNextException() : e.getCause();
        if (next != null && next != e) sb.append(" <- ").append(describe(next));
        return sb.toString();
    }

    /**
     * Counts, from pgjdbc's own FINEST protocol log, the Execute messages sent with a row limit and the
     * PortalSuspended answers: proof that rows came through a portal a fetch-size at a time.
     */
    static final class PortalTrace extends Handler implements AutoCloseable {
        final Logger logger = Logger.getLogger("org.postgresql");
        final Level previous = logger.getLevel();
        int limitedExecutes;
        int suspended;
        final java.util.Set<Object> limits = new java.util.TreeSet<>();

        PortalTrace() {
            setLevel(Level.FINEST);
            logger.addHandler(this);
            logger.setLevel(Level.FINEST);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message == null) return;
            if (message.contains("PortalSuspended")) {
                suspended++;
            } else if (message.contains("Execute(portal")) {
                String text = MessageFormat.format(message, record.getParameters());
                int at = text.indexOf("limit=");
                String limit = at < 0 ? "?" : text.substring(at + 6).replace(")", "").trim();
                if (!limit.equals("0")) {
                    limitedExecutes++;
                    limits.add(limit);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }

    // ---------------------------------------------------------------- scenarios

    static void connectScenario(Connection conn) throws Exception {
        check("not closed", conn.isClosed(), false);
        check("autocommit by default", conn.getAutoCommit(), true);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            check("a row", rs.next(), true);
            check("SELECT 1", rs.getInt(1), 1);
            check("one row only", rs.next(), false);
        }
    }

    /** Connection.isValid (what connection pools call) sends an empty query through the extended protocol. */
    static void isValidScenario(Connection conn) throws Exception {
        try (PreparedStatement ps = conn.prepareStatement("")) {
            check("empty prepared statement: update count", ps.executeUpdate(), 0);
        }
        try (Statement st = conn.createStatement()) {
            check("empty simple statement: no result set", st.execute(""), false);
        }
        check("isValid", conn.isValid(5), true);
    }

    static void metadataScenario(Connection conn) throws Exception {
        DatabaseMetaData md = conn.getMetaData();
        check("product name", md.getDatabaseProductName(), "PostgreSQL");
        String version = md.getDatabaseProductVersion();
        check("product version is set: " + version, version != null && !version.isEmpty());
        check("major version > 0: " + md.getDatabaseMajorVersion(), md.getDatabaseMajorVersion() > 0);
        check("driver name", md.getDriverName(), "PostgreSQL JDBC Driver");
        check("user name", md.getUserName(), user);
    }

    static final String CREATE_TYPES = "CREATE TABLE jdbc_types ("
            + "id integer PRIMARY KEY, big bigint, label text, flag boolean, ratio double precision, seen timestamp)";

    static void ddlScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_types");
            check("CREATE TABLE returns no result set", st.execute(CREATE_TYPES), false);
            check("update count of CREATE TABLE", st.getUpdateCount(), 0);
        }
    }

    static final Timestamp TS = Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000));

    static void insertScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_types");
            st.execute(CREATE_TYPES);
        }
        String sql = "INSERT INTO jdbc_types (id, big, label, flag, ratio, seen) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, 1);
            ps.setLong(2, 9_000_000_000L);
            ps.setString(3, "héllo, 'world'");
            ps.setBoolean(4, true);
            ps.setDouble(5, 2.5);
            ps.setTimestamp(6, TS);
            check("first insert count", ps.executeUpdate(), 1);

            ps.setInt(1, 2);
            ps.setNull(2, Types.BIGINT);
            ps.setNull(3, Types.VARCHAR);
            ps.setNull(4, Types.BOOLEAN);
            ps.setNull(5, Types.DOUBLE);
            ps.setNull(6, Types.TIMESTAMP);
            check("all-null insert count", ps.executeUpdate(), 1);

            ps.setInt(1, 3);
            ps.setLong(2, -1L);
            ps.setString(3, "");
            ps.setBoolean(4, false);
            ps.setDouble(5, -0.125);
            ps.setObject(6, LocalDateTime.of(1999, 12, 31, 23, 59, 59));
            check("third insert count", ps.executeUpdate(), 1);
        }
        // Run the same statement more than prepareThreshold (5) times: pgjdbc then switches to a
        // named server-side prepared statement and binary transfer for some types.
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 10; i < 20; i++) {
                ps.setInt(1, i);
                ps.setLong(2, i * 1_000_000_000L);
                ps.setString(3, "row " + i);
                ps.setBoolean(4, i % 2 == 0);
                ps.setDouble(5, i / 4.0);
                ps.setTimestamp(6, TS);
                check("repeated insert " + i, ps.executeUpdate(), 1);
            }
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM jdbc_types")) {
            rs.next();
            check("count(*)", rs.getLong(1), 13L);
        }
    }

    static void selectScenario(Connection conn) throws Exception {
        insertScenario(conn);
        String sql = "SELECT id, big, label, flag, ratio, seen FROM jdbc_types WHERE id = ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                check("row 1 found", rs.next(), true);
                check("getInt(id)", rs.getInt("id"), 1);
                check("getLong(big)", rs.getLong("big"), 9_000_000_000L);
                check("getString(label)", rs.getString("label"), "héllo, 'world'");
                check("getBoolean(flag)", rs.getBoolean("flag"), true);
                check("getDouble(ratio)", rs.getDouble("ratio"), 2.5);
                check("getTimestamp(seen)", rs.getTimestamp("seen"), TS);
                check("getObject(seen, LocalDateTime)", rs.getObject("seen", LocalDateTime.class), TS.toLocalDateTime());
                check("getObject(id) class", rs.getObject("id").getClass().getSimpleName(), "Integer");
                check("getObject(big) class", rs.getObject("big").getClass().getSimpleName(), "Long");
                check("getObject(flag) class", rs.getObject("flag").getClass().getSimpleName(), "Boolean");
                check("getObject(ratio) class", rs.getObject("ratio").getClass().getSimpleName(), "Double");
                check("only row 1", rs.next(), false);
            }
            ps.setInt(1, 2);
            try (ResultSet rs = ps.executeQuery()) {
                check("row 2 found", rs.next(), true);
                check("getLong(big) of null", rs.getLong("big"), 0L);
                check("wasNull after big", rs.wasNull(), true);
                check("getString(label) of null", rs.getString("label"), null);
                check("getObject(flag) of null", rs.getObject("flag"), null);
                check("getTimestamp(seen) of null", rs.getTimestamp("seen"), null);
            }
            ps.setInt(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                check("row 3 found", rs.next(), true);
                check("empty string label", rs.getString("label"), "");
                check("false flag", rs.getBoolean("flag"), false);
                check("negative double", rs.getDouble("ratio"), -0.125);
                check("timestamp via setObject(LocalDateTime)", rs.getObject("seen", LocalDateTime.class),
                        LocalDateTime.of(1999, 12, 31, 23, 59, 59));
            }
            // Same statement past the prepare threshold (binary results for int/bigint/float8/bool/timestamp).
            for (int i = 10; i < 20; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    check("row " + i + " found", rs.next(), true);
                    check("id " + i, rs.getInt(1), i);
                    check("big " + i, rs.getLong(2), i * 1_000_000_000L);
                    check("label " + i, rs.getString(3), "row " + i);
                    check("flag " + i, rs.getBoolean(4), i % 2 == 0);
                    check("ratio " + i, rs.getDouble(5), i / 4.0);
                    check("seen " + i, rs.getTimestamp(6), TS);
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id FROM jdbc_types WHERE big > ? AND label LIKE ? AND flag = ? ORDER BY id")) {
            ps.setLong(1, 11_000_000_000L);
            ps.setString(2, "row %");
            ps.setBoolean(3, true);
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getInt(1));
            }
            check("filtered ids", ids, Arrays.asList(12, 14, 16, 18));
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, label FROM jdbc_types WHERE id = ?")) {
            ResultSetMetaData md = ps.getMetaData();
            check("prepared metadata column count", md == null ? -1 : md.getColumnCount(), 2);
            check("column 1 name", md.getColumnName(1), "id");
            check("column 1 type", md.getColumnType(1), Types.INTEGER);
            check("column 2 type name", md.getColumnTypeName(2), "text");
        }
    }

    static void transactionScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_tx");
            st.execute("CREATE TABLE jdbc_tx (id integer PRIMARY KEY, note text)");
        }
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jdbc_tx VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "committed");
            ps.executeUpdate();
            conn.commit();

            ps.setInt(1, 2);
            ps.setString(2, "rolled back");
            ps.executeUpdate();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM jdbc_tx")) {
                rs.next();
                check("inside the transaction both rows are visible", rs.getLong(1), 2L);
            }
            conn.rollback();
        }
        conn.setAutoCommit(true);
        try (Connection other = connect(); Statement st = other.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, note FROM jdbc_tx ORDER BY id")) {
            check("committed row seen by another connection", rs.next(), true);
            check("committed id", rs.getInt(1), 1);
            check("committed note", rs.getString(2), "committed");
            check("rolled-back row is gone", rs.next(), false);
        }
        // A failed statement aborts the transaction; rollback recovers it.
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            try {
                st.execute("INSERT INTO jdbc_tx VALUES (1, 'duplicate')");
                throw new AssertionError("duplicate key was accepted");
            } catch (SQLException e) {
                check("duplicate key SQLSTATE", e.getSQLState(), "23505");
            }
            try {
                st.executeQuery("SELECT 1");
                throw new AssertionError("statement after an error in a transaction was accepted");
            } catch (SQLException e) {
                check("in failed transaction SQLSTATE", e.getSQLState(), "25P02");
            }
            conn.rollback();
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM jdbc_tx")) {
                rs.next();
                check("usable after rollback", rs.getLong(1), 1L);
            }
            conn.commit();
        }
        conn.setAutoCommit(true);
    }

    static void savepointScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_sp");
            st.execute("CREATE TABLE jdbc_sp (id integer PRIMARY KEY)");
        }
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("INSERT INTO jdbc_sp VALUES (1)");
            Savepoint sp = conn.setSavepoint("before_two");
            st.executeUpdate("INSERT INTO jdbc_sp VALUES (2)");
            conn.rollback(sp);
            Savepoint unnamed = conn.setSavepoint();
            st.executeUpdate("INSERT INTO jdbc_sp VALUES (3)");
            conn.releaseSavepoint(unnamed);
            conn.commit();
            try (ResultSet rs = st.executeQuery("SELECT id FROM jdbc_sp ORDER BY id")) {
                List<Integer> ids = new ArrayList<>();
                while (rs.next()) ids.add(rs.getInt(1));
                check("rows after savepoints", ids, Arrays.asList(1, 3));
            }
            conn.commit();
        }
        conn.setAutoCommit(true);
    }

    /** What frameworks (connection pools, ORMs) set on a connection before using it. */
    static void sessionSettingsScenario(Connection conn) throws Exception {
        check("default isolation", conn.getTransactionIsolation(), Connection.TRANSACTION_READ_COMMITTED);
        conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        conn.setReadOnly(true);
        check("isReadOnly", conn.isReadOnly(), true);
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 42")) {
            rs.next();
            check("read-only transaction reads", rs.getInt(1), 42);
        }
        conn.commit();
        conn.setReadOnly(false);
        conn.setAutoCommit(true);
        conn.setSchema("public");
        check("schema", conn.getSchema(), "public");
        check("catalog", conn.getCatalog(), "postgres");
        conn.setClientInfo("ApplicationName", "pgjdbc-test");
        check("application name", conn.getClientInfo("ApplicationName"), "pgjdbc-test");
    }

    /** setTransactionIsolation sends SET SESSION CHARACTERISTICS; getTransactionIsolation reads it back with SHOW. */
    static void isolationLevelScenario(Connection conn) throws Exception {
        conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        check("isolation after setTransactionIsolation(SERIALIZABLE)", conn.getTransactionIsolation(),
                Connection.TRANSACTION_SERIALIZABLE);
        conn.setAutoCommit(false);
        check("isolation inside a transaction", conn.getTransactionIsolation(), Connection.TRANSACTION_SERIALIZABLE);
        conn.commit();
        conn.setAutoCommit(true);
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        check("isolation after setTransactionIsolation(REPEATABLE_READ)", conn.getTransactionIsolation(),
                Connection.TRANSACTION_REPEATABLE_READ);
    }

    /** setReadOnly(true) with autocommit off makes pgjdbc open its transactions with BEGIN READ ONLY. */
    static void readOnlyScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_ro");
            st.execute("CREATE TABLE jdbc_ro (id integer)");
        }
        conn.setReadOnly(true);
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW transaction_read_only")) {
                rs.next();
                check("transaction_read_only", rs.getString(1), "on");
            }
            try {
                st.executeUpdate("INSERT INTO jdbc_ro VALUES (1)");
                throw new AssertionError("INSERT in a read-only transaction was accepted");
            } catch (SQLException e) {
                check("INSERT in a read-only transaction: SQLSTATE", e.getSQLState(), "25006");
            }
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
            conn.setReadOnly(false);
        }
    }

    static void generatedKeysScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_keys");
            st.execute("CREATE TABLE jdbc_keys (id serial PRIMARY KEY, name text)");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jdbc_keys (name) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, "first");
            check("insert count", ps.executeUpdate(), 1);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                check("a generated key", keys.next(), true);
                check("generated id", keys.getInt(1), 1);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jdbc_keys (name) VALUES (?) RETURNING id, name")) {
            ps.setString(1, "second");
            try (ResultSet rs = ps.executeQuery()) {
                check("RETURNING row", rs.next(), true);
                check("RETURNING id", rs.getInt(1), 2);
                check("RETURNING name", rs.getString(2), "second");
            }
        }
    }

    static void moreTypesScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_more");
            st.execute("CREATE TABLE jdbc_more (id smallint PRIMARY KEY, amount numeric(12,3), day date, at timestamptz,"
                    + " bytes bytea, uid uuid, r real, v varchar(20))");
        }
        java.math.BigDecimal amount = new java.math.BigDecimal("12345.678");
        java.time.LocalDate day = java.time.LocalDate.of(2024, 2, 29);
        java.time.OffsetDateTime at = java.time.OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 0, java.time.ZoneOffset.UTC);
        byte[] bytes = {0, 1, 2, (byte) 0xff, 'a'};
        java.util.UUID uid = java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        String sql = "INSERT INTO jdbc_more VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        for (int run = 0; run < 7; run++) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setShort(1, (short) run);
                ps.setBigDecimal(2, amount);
                ps.setObject(3, day);
                ps.setObject(4, at);
                ps.setBytes(5, bytes);
                ps.setObject(6, uid);
                ps.setFloat(7, 1.5f);
                ps.setString(8, "v" + run);
                check("insert " + run, ps.executeUpdate(), 1);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM jdbc_more WHERE id = ?")) {
            for (int run = 0; run < 7; run++) {
                ps.setShort(1, (short) run);
                try (ResultSet rs = ps.executeQuery()) {
                    check("row " + run, rs.next(), true);
                    check("smallint", rs.getShort("id"), (short) run);
                    check("numeric", rs.getBigDecimal("amount"), amount);
                    check("date", rs.getObject("day", java.time.LocalDate.class), day);
                    check("timestamptz", rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), at.toInstant());
                    check("bytea", Arrays.toString(rs.getBytes("bytes")), Arrays.toString(bytes));
                    check("uuid", rs.getObject("uid"), uid);
                    check("real", rs.getFloat("r"), 1.5f);
                    check("varchar", rs.getString("v"), "v" + run);
                }
            }
        }
    }

    static final int ROWS = 10_000;

    static void batchScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_big");
            st.execute("CREATE TABLE jdbc_big (id integer PRIMARY KEY, grp integer, payload text)");
        }
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jdbc_big (id, grp, payload) VALUES (?, ?, ?)")) {
            int inserted = 0;
            // Inserted in descending order so that ORDER BY id has real work to do.
            for (int id = ROWS; id >= 1; id--) {
                ps.setInt(1, id);
                ps.setInt(2, id % 7);
                ps.setString(3, "payload-" + id);
                ps.addBatch();
                if (id % 1000 == 1) {
                    for (int count : ps.executeBatch()) {
                        check("batch update count", count == 1 || count == Statement.SUCCESS_NO_INFO);
                        inserted++;
                    }
                }
            }
            check("batched rows", inserted, ROWS);
        }
        conn.commit();
        conn.setAutoCommit(true);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*), sum(id) FROM jdbc_big")) {
            rs.next();
            check("count after batch", rs.getLong(1), (long) ROWS);
            check("sum after batch", rs.getLong(2), (long) ROWS * (ROWS + 1) / 2);
        }
    }

    static void ensureBigTable(Connection conn) throws Exception {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM jdbc_big")) {
            rs.next();
            check("jdbc_big is filled (batch scenario ran first)", rs.getLong(1), (long) ROWS);
        }
    }

    static void fetchSizeScenario(Connection conn) throws Exception {
        ensureBigTable(conn);
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(100);
            check("fetch size kept", st.getFetchSize(), 100);
            try (PortalTrace trace = new PortalTrace();
                 ResultSet rs = st.executeQuery("SELECT id, grp, payload FROM jdbc_big ORDER BY id")) {
                check("result set fetch size", rs.getFetchSize(), 100);
                int expected = 1;
                while (rs.next()) {
                    int id = rs.getInt(1);
                    if (id != expected) check("row " + expected + " in order", id, expected);
                    if (rs.getInt(2) != id % 7) check("grp of " + id, rs.getInt(2), id % 7);
                    if (!("payload-" + id).equals(rs.getString(3))) check("payload of " + id, rs.getString(3), "payload-" + id);
                    expected++;
                }
                check("rows read through the portal", expected - 1, ROWS);
                // 10 000 rows at 100 a time: 100 full batches, each answered by PortalSuspended, then one
                // more Execute that gets CommandComplete.
                check("row limit of every Execute", trace.limits.toString(), "[100]");
                check("Execute messages with a row limit", trace.limitedExecutes, ROWS / 100 + 1);
                check("PortalSuspended answers", trace.suspended, ROWS / 100);
            }
            // The connection is still usable in the same transaction after the portal is drained.
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM jdbc_big")) {
                rs.next();
                check("count after the fetch-size query", rs.getLong(1), (long) ROWS);
            }
        }
        conn.commit();
        conn.setAutoCommit(true);
    }

    static void fetchSizePreparedScenario(Connection conn) throws Exception {
        ensureBigTable(conn);
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, payload FROM jdbc_big WHERE grp = ? AND id > ? ORDER BY id DESC")) {
            ps.setFetchSize(50);
            PortalTrace trace = new PortalTrace();
            int expectedSuspensions = 0;
            // Run more than prepareThreshold times: the later runs use a named statement and binary ints.
            for (int run = 0; run < 7; run++) {
                int grp = run % 7;
                ps.setInt(1, grp);
                ps.setInt(2, 100);
                int count = 0;
                int previous = Integer.MAX_VALUE;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        check("descending order", id < previous);
                        check("group of " + id, id % 7, grp);
                        check("id above 100", id > 100);
                        previous = id;
                        count++;
                    }
                }
                int expected = 0;
                for (int id = 101; id <= ROWS; id++) if (id % 7 == grp) expected++;
                check("rows of group " + grp, count, expected);
                expectedSuspensions += count / 50;
            }
            trace.close();
            check("row limit of every Execute", trace.limits.toString(), "[50]");
            check("PortalSuspended answers", trace.suspended, expectedSuspensions);
        }
        // Two portals open at once, read alternately (pgjdbc fetches each in its own Execute/row-limit rounds).
        try (Statement a = conn.createStatement(); Statement b = conn.createStatement()) {
            a.setFetchSize(10);
            b.setFetchSize(10);
            try (ResultSet ra = a.executeQuery("SELECT id FROM jdbc_big ORDER BY id");
                 ResultSet rb = b.executeQuery("SELECT id FROM jdbc_big ORDER BY id DESC")) {
                for (int i = 1; i <= 250; i++) {
                    check("interleaved a row", ra.next(), true);
                    check("interleaved b row", rb.next(), true);
                    if (ra.getInt(1) != i) check("interleaved a id", ra.getInt(1), i);
                    if (rb.getInt(1) != ROWS + 1 - i) check("interleaved b id", rb.getInt(1), ROWS + 1 - i);
                }
            }
        }
        // Closing a result set before it is drained closes its portal; the transaction goes on.
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(100);
            try (ResultSet rs = st.executeQuery("SELECT id FROM jdbc_big ORDER BY id")) {
                for (int i = 0; i < 150; i++) rs.next();
                check("row 150 before closing early", rs.getInt(1), 150);
            }
            try (ResultSet rs = st.executeQuery("SELECT max(id) FROM jdbc_big")) {
                rs.next();
                check("query after an early close", rs.getInt(1), ROWS);
            }
        }
        conn.commit();
        conn.setAutoCommit(true);
    }

    static void fetchSizeAutocommitScenario(Connection conn) throws Exception {
        // With autocommit on pgjdbc ignores the fetch size and reads everything at once: still correct.
        ensureBigTable(conn);
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(100);
            int count = 0;
            try (ResultSet rs = st.executeQuery("SELECT id FROM jdbc_big ORDER BY id")) {
                while (rs.next()) {
                    count++;
                    if (rs.getInt(1) != count) check("row order", rs.getInt(1), count);
                }
            }
            check("rows with autocommit on", count, ROWS);
        }
    }

    // ---------------------------------------------------------------- DatabaseMetaData

    /** Each row of a metadata result set as the named columns joined by '|'. */
    static List<String> rows(ResultSet rs, String... columns) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (String column : columns) {
                    if (row.length() > 0) row.append('|');
                    row.append(rs.getString(column));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /**
     * DatabaseMetaData over a parent table (serial key, varchar UNIQUE, numeric default) and a child
     * with a column-level REFERENCES and an index. Every expected value is what the same calls
     * return against PostgreSQL 15.
     */
    static void databaseMetadataScenario(Connection conn) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_meta_child");
            st.execute("DROP TABLE IF EXISTS jdbc_meta_parent");
            st.execute("CREATE TABLE jdbc_meta_parent (id serial PRIMARY KEY, code varchar(20) NOT NULL UNIQUE,"
                    + " price numeric(10,2) DEFAULT 0, created timestamp, big bigint)");
            st.execute("CREATE TABLE jdbc_meta_child (id integer PRIMARY KEY,"
                    + " parent_id integer REFERENCES jdbc_meta_parent (id), note text)");
            st.execute("CREATE INDEX jdbc_meta_child_note_idx ON jdbc_meta_child (note)");
        }
        DatabaseMetaData md = conn.getMetaData();
        check("getTables(TABLE)", rows(md.getTables(null, "public", "jdbc_meta%", new String[] {"TABLE"}),
                "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"),
                List.of("postgres|public|jdbc_meta_child|TABLE|null", "postgres|public|jdbc_meta_parent|TABLE|null"));
        check("getTables(all types)", rows(md.getTables(null, "public", "jdbc_meta%", null), "TABLE_NAME", "TABLE_TYPE"),
                List.of("jdbc_meta_child_note_idx|INDEX", "jdbc_meta_child_pkey|INDEX", "jdbc_meta_parent_code_key|INDEX",
                        "jdbc_meta_parent_pkey|INDEX", "jdbc_meta_parent_id_seq|SEQUENCE", "jdbc_meta_child|TABLE",
                        "jdbc_meta_parent|TABLE"));
        check("getColumns(parent)", rows(md.getColumns(null, "public", "jdbc_meta_parent", "%"), "COLUMN_NAME", "DATA_TYPE",
                "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION", "IS_NULLABLE",
                "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"),
                List.of("id|4|serial|10|0|0|nextval('jdbc_meta_parent_id_seq'::regclass)|1|NO|YES|NO",
                        "code|12|varchar|20|0|0|null|2|NO|NO|NO",
                        "price|2|numeric|10|2|1|0|3|YES|NO|NO",
                        "created|93|timestamp|29|6|1|null|4|YES|NO|NO",
                        "big|-5|int8|19|0|1|null|5|YES|NO|NO"));
        check("getColumns(child)", rows(md.getColumns(null, "public", "jdbc_meta_child", "%"), "COLUMN_NAME", "DATA_TYPE",
                "TYPE_NAME", "COLUMN_SIZE", "NULLABLE", "COLUMN_DEF", "IS_AUTOINCREMENT"),
                List.of("id|4|int4|10|0|null|NO", "parent_id|4|int4|10|1|null|NO", "note|12|text|2147483647|1|null|NO"));
        check("getPrimaryKeys", rows(md.getPrimaryKeys(null, "public", "jdbc_meta_parent"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
                List.of("jdbc_meta_parent|id|1|jdbc_meta_parent_pkey"));
        check("getIndexInfo(child)", rows(md.getIndexInfo(null, "public", "jdbc_meta_child", false, false), "TABLE_NAME",
                "NON_UNIQUE", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"),
                List.of("jdbc_meta_child|f|jdbc_meta_child_pkey|3|1|id|A", "jdbc_meta_child|t|jdbc_meta_child_note_idx|3|1|note|A"));
        check("getIndexInfo(parent, unique)", rows(md.getIndexInfo(null, "public", "jdbc_meta_parent", true, false),
                "NON_UNIQUE", "INDEX_NAME", "ORDINAL_POSITION", "COLUMN_NAME"),
                List.of("f|jdbc_meta_parent_code_key|1|code", "f|jdbc_meta_parent_pkey|1|id"));
        check("getImportedKeys", rows(md.getImportedKeys(null, "public", "jdbc_meta_child"), "PKTABLE_NAME", "PKCOLUMN_NAME",
                "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"),
                List.of("jdbc_meta_parent|id|jdbc_meta_child|parent_id|1|3|3|jdbc_meta_child_parent_id_fkey|jdbc_meta_parent_pkey|7"));
        check("getExportedKeys", rows(md.getExportedKeys(null, "public", "jdbc_meta_parent"), "PKTABLE_NAME", "PKCOLUMN_NAME",
                "FKTABLE_NAME", "FKCOLUMN_NAME", "FK_NAME"),
                List.of("jdbc_meta_parent|id|jdbc_meta_child|parent_id|jdbc_meta_child_parent_id_fkey"));
        check("getBestRowIdentifier", rows(md.getBestRowIdentifier(null, "public", "jdbc_meta_parent", DatabaseMetaData.bestRowSession, true),
                "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME"), List.of("id|4|int4"));
        check("getSchemas", rows(md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"),
                List.of("information_schema|postgres", "pg_catalog|postgres", "public|postgres"));
        check("getCatalogs", rows(md.getCatalogs(), "TABLE_CAT"), List.of("postgres", "template1"));
        // pgsqlite's pg_type lists fewer types than PostgreSQL's; the common ones must read the same.
        List<String> types = rows(md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE", "PRECISION", "CASE_SENSITIVE", "SEARCHABLE", "AUTO_INCREMENT");
        for (String expected : List.of("bool|-7|0|f|3|f", "int8|-5|0|f|3|f", "bigserial|-5|0|f|3|t", "bytea|-2|0|t|3|f",
                "numeric|2|1000|f|3|f", "int4|4|0|f|3|f", "serial|4|0|f|3|t", "float8|8|0|f|3|f", "text|12|0|t|3|f",
                "varchar|12|10485760|t|3|f", "date|91|0|f|3|f", "timestamp|93|6|f|3|f", "uuid|1111|0|t|3|f", "jsonb|1111|0|t|3|f",
                "_int4|2003|0|f|3|f")) {
            check("getTypeInfo has " + expected, types.contains(expected));
        }
    }

    // ---------------------------------------------------------------- driver

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PgjdbcClient <jdbc-url> [user] [scenario...]");
            System.exit(2);
        }
        url = args[0];
        user = args.length > 1 ? args[1] : "postgres";
        List<String> only = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();

        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("connect", PgjdbcClient::connectScenario);
        scenarios.put("is-valid", PgjdbcClient::isValidScenario);
        scenarios.put("metadata", PgjdbcClient::metadataScenario);
        scenarios.put("ddl", PgjdbcClient::ddlScenario);
        scenarios.put("insert", PgjdbcClient::insertScenario);
        scenarios.put("select", PgjdbcClient::selectScenario);
        scenarios.put("transaction", PgjdbcClient::transactionScenario);
        scenarios.put("savepoint", PgjdbcClient::savepointScenario);
        scenarios.put("session-settings", PgjdbcClient::sessionSettingsScenario);
        scenarios.put("isolation-level", PgjdbcClient::isolationLevelScenario);
        scenarios.put("read-only", PgjdbcClient::readOnlyScenario);
        scenarios.put("generated-keys", PgjdbcClient::generatedKeysScenario);
        scenarios.put("more-types", PgjdbcClient::moreTypesScenario);
        scenarios.put("batch", PgjdbcClient::batchScenario);
        scenarios.put("fetch-size", PgjdbcClient::fetchSizeScenario);
        scenarios.put("fetch-size-prepared", PgjdbcClient::fetchSizePreparedScenario);
        scenarios.put("fetch-size-autocommit", PgjdbcClient::fetchSizeAutocommitScenario);
        scenarios.put("database-metadata", PgjdbcClient::databaseMetadataScenario);

        int passed = 0;
        int failed = 0;
        for (Map.Entry<String, Scenario> entry : scenarios.entrySet()) {
            String name = entry.getKey();
            if (!only.isEmpty() && !only.contains(name)) continue;
            long start = System.nanoTime();
            try (Connection conn = connect()) {
                entry.getValue().run(conn);
                System.out.println("ok " + name + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
                passed++;
            } catch (Throwable e) {
                System.out.println("FAIL " + name + ": " + describe(e));
                if (System.getenv("PGJDBC_CLIENT_TRACE") != null) e.printStackTrace(System.err);
                failed++;
            }
            System.out.flush();
        }
        System.out.println("done ok=" + passed + " failed=" + failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
