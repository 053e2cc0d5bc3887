package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The in-memory test engine of zeebe-process-test, assembled as its {@code EngineFactory} does,
 * with one difference: the engine's state lives in RocksDB, as on a broker, instead of the test
 * engine's {@code InMemoryDb}. That one copies its whole state into a new {@code TreeMap} for every
 * prefix scan the engine makes, so each step costs in proportion to everything running: with fifty
 * reviews running, half the engine's time went into those copies (JFR), and a phase of 189 grows
 * worse than linearly. RocksDB seeks to the prefix. The log, the gateway, the clock (time travel)
 * and the record stream are the test engine's own, unchanged.
 *
 * <p>It lives in the engine's package because the parts it assembles are package-private there;
 * test scope only, like the engine (non-production licence). Written against 8.8.21: a new engine
 * version that changes these constructors fails here at compile time, not at run time.
 */
public final class RocksDbEngineFactory {

  /**
   * RocksDB's memory (block cache and write buffers), off the Java heap; a broker's default is 512
   * MiB per partition.
   */
  private static final long ROCKSDB_MEMORY = 64L * 1024 * 1024;

  private RocksDbEngineFactory() {}

  /**
   * An engine serving gRPC on {@code port}, its state in {@code stateDirectory} (created, and left
   * to the caller to delete).
   */
  public static ZeebeTestEngine create(int port, Path stateDirectory) {
    return create(port, stateDirectory, null);
  }

  /**
   * The same, with the engine's clock running from {@code startAt} instead of now (null: now). The
   * actor threads' timers are kept on a wheel that starts at the clock's time when the scheduler
   * starts and never fires a deadline before that start: an engine whose clock is later set back (a
   * simulation of dates already past) never fires a timer again. Started in the past, its clock can
   * be set to any later date.
   */
  public static ZeebeTestEngine create(int port, Path stateDirectory, Instant startAt) {
    int partitionId = 1;
    int partitionCount = 1;
    ControlledActorClock clock = new ControlledActorClock();
    if (startAt != null) {
      clock.addTime(Duration.between(Instant.now(), startAt));
    }
    ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    InMemoryLogStorage logStorage = new InMemoryLogStorage();
    LogStream logStream =
        LogStream.builder()
            .withPartitionId(partitionId)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();
    CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    CommandSender commandSender = new CommandSender(commandWriter);
    GatewayRequestStore requestStore = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(
            commandWriter, partitionId, partitionCount, port, requestStore, jobStreamer);
    // Loopback only: the engine of the tests and the local run is nobody else's on the network.
    Server grpcServer =
        io.grpc.netty.NettyServerBuilder.forAddress(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port))
            .addService(gateway)
            .build();
    GrpcResponseWriter responseWriter = new GrpcResponseWriter(gateway, requestStore, null);

    ZeebeDb<ZbColumnFamilies> database =
        new ZeebeRocksDbFactory<ZbColumnFamilies>(
                new RocksDbConfiguration().setMemoryLimit(ROCKSDB_MEMORY).setWalDisabled(true),
                new ConsistencyChecksSettings(),
                new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, partitionId),
                SimpleMeterRegistry::new)
            .createDb(stateDirectory.toFile());

    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    StreamProcessor streamProcessor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(database)
            .commandResponseWriter(responseWriter)
            .partitionCommandSender(commandSender)
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                partitionCount,
                                new SubscriptionCommandSender(
                                    context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(new SimpleMeterRegistry())
            .build();

    EngineStateMonitor monitor = new EngineStateMonitor(logStorage, streamProcessor);
    RecordStreamSourceImpl recordStream =
        new RecordStreamSourceImpl(logStream.newLogStreamReader(), partitionId);
    return new InMemoryEngine(
        grpcServer,
        streamProcessor,
        gateway,
        database,
        logStream,
        scheduler,
        recordStream,
        clock,
        monitor);
  }
}
