package dev.snow.bench;

import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.transport.HostPort;
import dev.snow.ref.transport.NodeListener;
import dev.snow.ref.transport.SnowNode;

/**
 * One load-generating client node: connect, and as soon as node_up comes, disconnect and
 * connect again, recording each setup's latency (connect call to node_up, TCP + TLS + the four
 * handshake messages). Driven entirely by its node's events on the node's core thread.
 */
final class Looper implements NodeListener {
    private final String server;
    private final HostPort address;
    private final Recorder recorder;
    private volatile SnowNode node;
    private volatile boolean running;
    private volatile long startedAt;

    Looper(String server, HostPort address, Recorder recorder) {
        this.server = server;
        this.address = address;
        this.recorder = recorder;
    }

    void start(SnowNode n) {
        this.node = n;
        this.running = true;
        dial();
    }

    void stop() {
        running = false;
    }

    private void dial() {
        startedAt = System.nanoTime();
        node.connect(server, address);
    }

    @Override
    public void onEvent(NodeEvent event, String remote) {
        if (event instanceof NodeEvent.NodeUp) {
            recorder.success(System.nanoTime() - startedAt);
            node.disconnect(server);
        } else if (event instanceof NodeEvent.NodeDown) {
            if (running) {
                dial();
            }
        } else {
            recorder.failure();
            if (running) {
                dial();
            }
        }
    }
}
