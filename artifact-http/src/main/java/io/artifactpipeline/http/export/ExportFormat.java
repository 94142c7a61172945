package io.artifactpipeline.http.export;

/** The file formats a document is exported in. */
public enum ExportFormat {
    MARKDOWN("md", "text/markdown; charset=utf-8"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The {@code Content-Type} of a response in this format. */
    public String mediaType() {
        return mediaType;
    }
}
