package dev.snow.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.RemoteDockerImage;
import org.testcontainers.utility.DockerImageName;

/**
 * One adapter container: created from the image (pulled through Testcontainers when missing) on
 * the host's network, so its node listens and dials on the host's loopback as a local adapter
 * would; attached BEFORE it starts, so its {@code ready} line is never lost; its stdin, stdout
 * and stderr piped to this process's. The container carries Testcontainers' session labels, so
 * its reaper removes it even if this process is killed; a normal end removes it too.
 */
final class ContainerAdapter {
    private final String image;
    private final List<String> env;

    ContainerAdapter(String image, List<String> env) {
        this.image = image;
        this.env = List.copyOf(env);
    }

    /** Runs the container to its end; returns its exit status. */
    int run(InputStream in, PrintStream out, PrintStream err) throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        String resolved = new RemoteDockerImage(DockerImageName.parse(image)).get(10, TimeUnit.MINUTES);
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        String id = docker.createContainerCmd(resolved)
                .withEnv(env).withLabels(labels)
                .withStdinOpen(true).withStdInOnce(true).withTty(false)
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
                .exec().getId();
        Thread cleanup = new Thread(() -> remove(docker, id), "container-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (ResultCallback.Adapter<Frame> attached = docker.attachContainerCmd(id)
                .withStdIn(in).withStdOut(true).withStdErr(true).withFollowStream(true).withLogs(true)
                .exec(new Pipe(out, err))) {
            attached.awaitStarted(60, TimeUnit.SECONDS);
            docker.startContainerCmd(id).exec();
            int status = docker.waitContainerCmd(id).start().awaitStatusCode();
            attached.awaitCompletion(10, TimeUnit.SECONDS);
            return status;
        } finally {
            remove(docker, id);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    private static void remove(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException alreadyGone) {
            // removed by the other path, or by the reaper
        }
    }

    /** The container's stdout to ours, its stderr to ours, frame by frame, flushed. */
    private static final class Pipe extends ResultCallback.Adapter<Frame> {
        private final PrintStream out;
        private final PrintStream err;

        Pipe(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void onNext(Frame frame) {
            PrintStream to = frame.getStreamType() == StreamType.STDERR ? err : out;
            to.write(frame.getPayload(), 0, frame.getPayload().length);
            to.flush();
        }

        @Override
        public void close() throws IOException {
            super.close();
            out.flush();
            err.flush();
        }
    }
}
