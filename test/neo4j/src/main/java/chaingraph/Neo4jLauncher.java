package chaingraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j 5 community in this JVM with Bolt on 127.0.0.1:PORT and auth on, sets the
 * password of user neo4j, prints one line "READY bolt://127.0.0.1:PORT neo4j PASSWORD" and
 * runs until SIGTERM/SIGINT, when it shuts the database down cleanly.
 * Arguments: PORT DATA_DIR PASSWORD [PAGE_CACHE_MB].
 */
public final class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    if (args.length != 3 && args.length != 4) {
      System.err.println("usage: Neo4jLauncher PORT DATA_DIR PASSWORD [PAGE_CACHE_MB]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    String password = args[2];
    long pageCacheMb = args.length == 4 ? Long.parseLong(args[3]) : 128;
    Files.createDirectories(home);

    long started = System.nanoTime();
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // Small by default: the launcher shares 2-core test machines with the Node processes.
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "neo4j-shutdown"));

    // The system database runs with full rights in-process: set the password every start so the
    // printed credentials always work, whatever the data folder held before.
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          java.util.Map.of("password", password));
    } catch (RuntimeException e) {
      // Without this the database's threads keep the JVM (and the port) alive after main fails.
      System.err.println("cannot set the password of user neo4j: " + e.getMessage());
      System.exit(1);
    }

    System.out.printf("READY bolt://127.0.0.1:%d neo4j %s (started in %.1f s, data in %s)%n",
        port, password, (System.nanoTime() - started) / 1e9, home);
    System.out.flush();
    stopped.await();
  }
}
