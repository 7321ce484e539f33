package dev.snow.conformance.container;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/snow-container-adapter}: runs an implementation's Docker image as an adapter process
 * (docs/ADAPTER.md on stdin/stdout), the bridge behind conformance.yaml's {@code image:} entries.
 */
@Command(name = "snow-container-adapter", mixinStandardHelpOptions = true, version = "snow-container-adapter 1",
        description = {"Runs IMAGE with Testcontainers on the host's network and pipes its stdin, stdout and stderr, "
            + "so the conformance suite speaks the adapter contract (docs/ADAPTER.md) to it as to a local command. "
            + "The image's entrypoint must be the adapter. Linux hosts (host networking).", "",
            "Exit status: the container's; 2 for usage errors; 3 when no Docker engine answers (one line on stderr)."})
public final class ContainerAdapterMain implements Callable<Integer> {
    /** No Docker engine: the caller skips this implementation. */
    static final int NO_DOCKER = 3;

    @Parameters(paramLabel = "IMAGE", description = "The image, [registry/]name[:tag][@sha256:digest].")
    String image;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for the container (repeatable).")
    List<String> env = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return new CommandLine(new ContainerAdapterMain())
                .setParameterExceptionHandler((e, a) -> {
                    System.err.println("snow-container-adapter: " + e.getMessage());
                    System.err.println("Try 'snow-container-adapter --help' for more information.");
                    return 2;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        String invalid = ImageCommand.whyInvalid(image);
        if (invalid != null) {
            System.err.println("snow-container-adapter: " + invalid);
            return 2;
        }
        for (String e : env) {
            if (!e.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                System.err.println("snow-container-adapter: --env wants NAME=VALUE, found \"" + e + "\"");
                return 2;
            }
        }
        String absent = DockerEngine.whyAbsent();
        if (absent != null) {
            System.err.println("snow-container-adapter: SKIPPED " + image + ": " + absent);
            return NO_DOCKER;
        }
        return new ContainerAdapter(image, env).run(System.in, System.out, System.err);
    }
}
