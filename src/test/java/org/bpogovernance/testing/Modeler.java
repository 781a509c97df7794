package org.bpogovernance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** What Camunda Modeler sends when an officer clicks "Deploy": a multipart POST to {@code /engine-rest/deployment/create}. */
public final class Modeler {

    private Modeler() {
    }

    public static ResponseEntity<String> deploy(TestRestTemplate http, String user, String password, String fileName,
            String model) {
        return deploy(http, user, password, fileName, model, Map.of());
    }

    /** A deployment of the model with additional files (Modeler's "include additional files": forms), file name → content. */
    public static ResponseEntity<String> deploy(TestRestTemplate http, String user, String password, String fileName,
            String model, Map<String, String> additionalFiles) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", fileName.substring(0, fileName.lastIndexOf('.')));
        body.add("deployment-source", "Camunda Modeler");
        body.add("deploy-changed-only", "true");
        body.add("data", file(fileName, model));
        additionalFiles.forEach((name, content) -> body.add(name, file(name, content)));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    }

    private static ByteArrayResource file(String fileName, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    /** A file of the product's own bpmn/ or forms/ folder, as an officer opens it in Camunda Modeler. */
    public static String productFile(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    /** A model of the test resources' {@code modeler/} folder, which start-up does not deploy. */
    public static String testModel(String fileName) {
        try {
            return new ClassPathResource("modeler/" + fileName).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
