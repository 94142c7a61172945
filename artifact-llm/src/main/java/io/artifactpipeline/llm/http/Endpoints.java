package io.artifactpipeline.llm.http;

import java.net.URI;

/** Joins a configured base URL and an API path, forgiving a trailing slash or a repeated version segment. */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * @param version the version segment the path starts with ("v1"), or null
     * @param path    the rest of the path ("messages", "chat/completions")
     */
    public static URI resolve(URI base, String version, String path) {
        String root = base.toString().replaceAll("/+$", "");
        boolean hasVersion = version != null && root.endsWith("/" + version);
        String prefix = version == null || hasVersion ? "" : "/" + version;
        return URI.create(root + prefix + "/" + path);
    }
}
