package io.streamrec.reliability.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs test classes that a submitted job uses into a jar that travels with the job jar. */
public final class UserJars {
    private UserJars() {}

    /** A jar at {@code jar} with {@code classes} and their nested classes. */
    public static Path of(Path jar, Class<?>... classes) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : classes) {
                Path root = codeRoot(type);
                String packageDir = type.getPackageName().replace('.', '/');
                String simple = type.getName().substring(type.getPackageName().length() + 1);
                try (Stream<Path> files = Files.list(root.resolve(packageDir))) {
                    for (Path f : files.filter(f -> f.getFileName().toString().equals(simple + ".class")
                            || f.getFileName().toString().startsWith(simple + "$")).toList()) {
                        out.putNextEntry(new JarEntry(packageDir + "/" + f.getFileName()));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    private static Path codeRoot(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
