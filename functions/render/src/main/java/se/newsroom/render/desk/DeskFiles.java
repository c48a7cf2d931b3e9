package se.newsroom.render.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import se.newsroom.json.Json;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.site.RenderedObject;

/**
 * The editors' desk: the files on the classpath under {@code desk/}, and its {@code config.json}, as objects under
 * {@code redaktion/} in the site bucket. A rebuild writes them, so a deploy (which triggers one) ships the desk.
 */
public final class DeskFiles {
    /** Where the desk is served: {@code /redaktion/} is its {@code index.html}. */
    public static final String PREFIX = "redaktion/";
    /**
     * The files are small and must change the moment a deploy changes them: browsers and CloudFront ask again every
     * time (a 304 when unchanged).
     */
    public static final String CACHE = "no-cache";
    /**
     * Every file under {@code desk/}. A fixed list, since a folder cannot be listed from inside a jar reliably;
     * DeskFilesTest fails when a file there is missing from it.
     */
    static final List<String> FILES = List.of("index.html", "desk.css", "main.js", "auth.js", "api.js", "ui.js",
            "dates.js", "articles.js", "editor.js", "toolbar.js", "preview.js", "drafts.js", "conflict.js",
            "comments.js", "media.js", "roles.js", "versions.js", "audit.js", "privacy.js");

    private final DeskSignIn signIn;

    public DeskFiles(DeskSignIn signIn) {
        this.signIn = signIn;
    }

    /** Every object of the desk, its configuration last. */
    public List<RenderedObject> objects() {
        List<RenderedObject> objects = new ArrayList<>();
        for (String name : FILES) {
            objects.add(new RenderedObject(PREFIX + name, read(name), contentType(name), CACHE, Optional.empty()));
        }
        objects.add(new RenderedObject(PREFIX + "config.json", config(), "application/json", CACHE,
                Optional.empty()));
        return objects;
    }

    /** Writes every object of the desk; returns how many. */
    public int writeTo(SiteWriter writer) {
        List<RenderedObject> objects = objects();
        objects.forEach(writer::put);
        return objects.size();
    }

    static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            default -> throw new IllegalArgumentException("No content type for the desk's " + name);
        };
    }

    private byte[] config() {
        try {
            return Json.MAPPER.writeValueAsBytes(signIn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The desk's configuration did not serialize", e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = DeskFiles.class.getResourceAsStream("/desk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The desk's " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
