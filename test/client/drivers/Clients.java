// Run cases.txt through the PostgreSQL JDBC driver (what Metabase's and
// Tableau's PostgreSQL connectors, DBeaver and most Java BI tools use),
// in the text protocol and in the binary one.  Prints "ok - ..." or
// "not ok - ..." for each mode and case.  Connection settings come from the
// PG* environment variables; the database is args[0].  drivers.sh runs it
// as a single-file program with a German default locale: nothing here may
// depend on it.

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

public class Clients {
	static final class Case {
		String name, sql, error;
		List<String> params = new ArrayList<>(), types = new ArrayList<>();
		List<String[]> rows = new ArrayList<>();
	}

	static List<Case> parseCases(Path path) throws Exception {
		List<Case> cases = new ArrayList<>();
		Case c = null;
		for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
			if (line.startsWith("#") || line.isBlank())
				continue;
			if (line.startsWith("== ")) {
				c = new Case();
				c.name = line.substring(3);
				cases.add(c);
				continue;
			}
			int colon = line.indexOf(": ");
			String key = colon < 0 ? line : line.substring(0, colon);
			String value = colon < 0 ? "" : line.substring(colon + 2);
			switch (key) {
				case "sql": c.sql = value; break;
				case "params": c.params = List.of(value.split("\\|", -1)); break;
				case "types": c.types = List.of(value.split(",")); break;
				case "row": {
					String[] row = value.split("\\|", -1);
					for (int i = 0; i < row.length; i++)
						if (row[i].equals("\\N"))
							row[i] = null;
					c.rows.add(row);
					break;
				}
				case "error": c.error = value; break;
				default: throw new IllegalArgumentException("cases.txt: cannot read " + line);
			}
		}
		return cases;
	}

	/** The 13-byte binary form: int64 minor units, int16 decimals, the code. */
	static String amountFromBinary(byte[] b) {
		if (b.length != 13)
			throw new IllegalArgumentException("binary currency_amount of " + b.length + " bytes");
		ByteBuffer buf = ByteBuffer.wrap(b);
		long units = buf.getLong();
		int scale = buf.getShort();
		String code = new String(b, 10, 3, StandardCharsets.US_ASCII);
		return new BigDecimal(java.math.BigInteger.valueOf(units), scale).toPlainString() + " " + code;
	}

	final String name;
	final boolean binary;
	Connection conn;

	Clients(String name, boolean binary) {
		this.name = name;
		this.binary = binary;
	}

	void connect(String db) throws SQLException {
		String url = "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "localhost") + ":"
				+ System.getenv().getOrDefault("PGPORT", "5432") + "/" + db;
		Properties p = new Properties();
		p.setProperty("user", System.getenv().getOrDefault("PGUSER", ""));
		p.setProperty("password", System.getenv().getOrDefault("PGPASSWORD", ""));
		if (binary) {
			// Prepare on the server from the first execution, so results come in
			// binary; ask for binary numeric and currency_amount as well.
			p.setProperty("prepareThreshold", "-1");
			try (Connection c = DriverManager.getConnection(url, p);
				 ResultSet rs = c.createStatement().executeQuery(
						 "SELECT 'currency_amount'::regtype::oid")) {
				rs.next();
				p.setProperty("binaryTransferEnable", "NUMERIC," + rs.getLong(1));
			}
		} else {
			p.setProperty("preferQueryMode", "simple");
		}
		conn = DriverManager.getConnection(url, p);
	}

	List<String> runCase(Case c) {
		List<String> problems = new ArrayList<>();
		try (PreparedStatement st = conn.prepareStatement(c.sql)) {
			for (int i = 0; i < c.params.size(); i++)
				st.setString(i + 1, c.params.get(i));
			try (ResultSet rs = st.executeQuery()) {
				if (c.error != null) {
					problems.add("succeeded; expected SQLSTATE " + c.error);
					return problems;
				}
				ResultSetMetaData md = rs.getMetaData();
				int r = 0;
				while (rs.next()) {
					if (r >= c.rows.size()) {
						problems.add("more rows than the " + c.rows.size() + " expected");
						break;
					}
					String[] want = c.rows.get(r++);
					if (md.getColumnCount() != want.length) {
						problems.add("row " + r + ": " + md.getColumnCount() + " columns, expected " + want.length);
						continue;
					}
					for (int col = 1; col <= want.length; col++)
						checkValue(rs, md, col, c.types.get(col - 1), want[col - 1],
								"row " + r + " col " + col, problems);
				}
				if (r < c.rows.size())
					problems.add("expected " + c.rows.size() + " rows, got " + r);
			}
		} catch (SQLException e) {
			if (c.error == null || !c.error.equals(e.getSQLState()))
				problems.add("failed with " + e.getSQLState() + ": " + e.getMessage().lines().findFirst().orElse(""));
		}
		return problems;
	}

	void checkValue(ResultSet rs, ResultSetMetaData md, int col, String kind, String want,
					String where, List<String> problems) throws SQLException {
		int format = ((org.postgresql.PGResultSetMetaData) md).getFormat(col);
		if (kind.equals("numeric")) {
			if (md.getColumnType(col) != Types.NUMERIC)
				problems.add(where + ": numeric column reported as JDBC type " + md.getColumnType(col));
			if (binary && format != 1)
				problems.add(where + ": numeric did not arrive in binary");
			Object v = rs.getObject(col);
			if (want == null) {
				if (v != null)
					problems.add(where + ": expected NULL, got " + v);
			} else if (!(v instanceof BigDecimal))
				problems.add(where + ": numeric arrived as " + (v == null ? "NULL" : v.getClass().getName()));
			else if (!((BigDecimal) v).toPlainString().equals(want))
				problems.add(where + ": expected " + want + ", got " + ((BigDecimal) v).toPlainString());
		} else if (kind.equals("amount")) {
			if (!md.getColumnTypeName(col).equals("currency_amount"))
				problems.add(where + ": amount column reported as " + md.getColumnTypeName(col));
			String v;
			if (binary) {
				if (format != 1)
					problems.add(where + ": currency_amount did not arrive in binary");
				byte[] b = rs.getBytes(col);
				v = b == null ? null : amountFromBinary(b);
			} else {
				v = rs.getString(col);
			}
			if (want == null ? v != null : !want.equals(v))
				problems.add(where + ": expected " + want + ", got " + v);
			else if (v != null && !binary && !v.equals(readBack(v)))
				problems.add(where + ": " + v + " reads back as " + readBack(v));
		} else {
			String v = rs.getString(col);
			if (want == null ? v != null : !want.equals(v))
				problems.add(where + ": expected " + want + ", got " + v);
		}
	}

	String readBack(String amount) throws SQLException {
		try (PreparedStatement st = conn.prepareStatement("SELECT CAST(? AS currency_amount)::text")) {
			st.setString(1, amount);
			try (ResultSet rs = st.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	void run(List<Case> cases, String db) {
		try {
			connect(db);
		} catch (SQLException e) {
			System.out.println("not ok - " + name + ": cannot connect: " + e.getMessage());
			return;
		}
		for (Case c : cases) {
			List<String> problems = runCase(c);
			System.out.println((problems.isEmpty() ? "ok - " : "not ok - ") + name + ": " + c.name);
			for (String p : problems.subList(0, Math.min(10, problems.size())))
				System.out.println("#   " + p);
		}
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 1 ? args[1] : "test/client/drivers");
		List<Case> cases = parseCases(dir.resolve("cases.txt"));
		System.out.println("# Java " + System.getProperty("java.version") + ", pgjdbc "
				+ org.postgresql.util.DriverInfo.DRIVER_VERSION + ", locale " + Locale.getDefault()
				+ " (1.5 prints as " + String.format("%.1f", 1.5) + ")");
		new Clients("pgjdbc (text protocol)", false).run(cases, args[0]);
		new Clients("pgjdbc (binary protocol)", true).run(cases, args[0]);
	}
}
