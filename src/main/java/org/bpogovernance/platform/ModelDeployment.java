package org.bpogovernance.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the service's own models at start-up, each model together with the Camunda Forms it
 * names, so that a task shows the form deployed with its model ({@code formRefBinding="deployment"})
 * and a running task's form never changes under it when a newer form is deployed.
 *
 * <ul>
 * <li>One deployment per model file of {@code bpmn/} (with its forms from {@code forms/}) and one per
 * decision table. A set is deployed again only when one of its files changed since the service last
 * deployed it, so a restart never replaces a model an officer deployed from Camunda Modeler unless
 * its file in {@code bpmn/} changed; a changed form is deployed again with every model that uses it.</li>
 * <li>Every deployment, the service's or one from Camunda Modeler or {@code /engine-rest}, must hold
 * the forms its models bind with {@code deployment}: one that does not is refused as a whole, in
 * words, naming the missing forms (Modeler's "include additional files" adds them).</li>
 * </ul>
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

    /** The source of the service's own deployments (Cockpit's deployments view shows it). */
    static final String SOURCE = "bpmn/ and forms/ at start-up";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
    private static final String BINDING_DEPLOYMENT = "deployment";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(new FormsDeployedWithTheirModels());
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Map<String, byte[]> forms = read("classpath*:forms/**/*.form");
        Map<String, String> formFileById = new TreeMap<>();
        forms.forEach((fileName, content) -> formFileById.put(formId(content), fileName));
        for (var model : read("classpath*:bpmn/**/*.bpmn").entrySet()) {
            DeploymentBuilder deployment = builder(engine, model.getKey());
            deployment.addInputStream(model.getKey(), new ByteArrayInputStream(model.getValue()));
            for (String formId : formRefs(model.getValue()).keySet()) {
                String formFile = formFileById.get(formId);
                if (formFile != null) {
                    deployment.addInputStream(formFile, new ByteArrayInputStream(forms.get(formFile)));
                }
            }
            deploy(deployment, model.getKey());
        }
        for (var decisionTable : read("classpath*:bpmn/**/*.dmn").entrySet()) {
            deploy(builder(engine, decisionTable.getKey())
                    .addInputStream(decisionTable.getKey(), new ByteArrayInputStream(decisionTable.getValue())),
                    decisionTable.getKey());
        }
    }

    private static DeploymentBuilder builder(ProcessEngine engine, String fileName) {
        // false: when any file of the set changed, the whole set is deployed again, not only that file
        return engine.getRepositoryService().createDeployment().name(fileName).source(SOURCE).enableDuplicateFiltering(false);
    }

    private static void deploy(DeploymentBuilder deployment, String fileName) {
        var deployed = deployment.deployWithResult();
        // an unchanged set returns the earlier deployment, which lists no newly deployed definitions
        if (deployed.getDeployedProcessDefinitions() != null && !deployed.getDeployedProcessDefinitions().isEmpty()
                || deployed.getDeployedDecisionDefinitions() != null && !deployed.getDeployedDecisionDefinitions().isEmpty()) {
            log.info("Deployed {} (changed since the last start)", fileName);
        }
    }

    /** File name → content of every resource matching the pattern; the first of a name wins (main before test). */
    private Map<String, byte[]> read(String pattern) {
        Map<String, byte[]> byName = new TreeMap<>();
        try {
            for (Resource resource : resources.getResources(pattern)) {
                byName.putIfAbsent(resource.getFilename(), resource.getContentAsByteArray());
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return byName;
    }

    /** The Camunda Forms a model's user tasks and start events name: form id → its binding. */
    static Map<String, String> formRefs(byte[] bpmn) {
        return formRefs(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)));
    }

    private static Map<String, String> formRefs(BpmnModelInstance model) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() != null) {
                refs.put(task.getCamundaFormRef(), bindingOf(task.getCamundaFormRefBinding()));
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                refs.put(start.getCamundaFormRef(), bindingOf(start.getCamundaFormRefBinding()));
            }
        }
        return refs;
    }

    private static String bindingOf(String binding) {
        return binding == null ? "latest" : binding;
    }

    /** A Camunda Form's id (what a model's {@code camunda:formRef} names); null when it is not a form. */
    static String formId(byte[] form) {
        try {
            return JSON.readTree(form).path("id").asText(null);
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * Completes or refuses a deployment whose models bind, with {@code deployment}, forms it does not
     * hold. A model deployed without a form it names (Camunda Modeler's "deploy changed only" leaves
     * out unchanged files, and an officer may deploy the model alone) gets that form as it was deployed
     * with the version the model replaces; a form found nowhere refuses the deployment, in words.
     */
    static final class FormsDeployedWithTheirModels implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew() || deployment.getResources() == null) {
                return;
            }
            Set<String> held = formsOf(deployment.getResources().values());
            Map<String, String> missing = new LinkedHashMap<>();
            Set<String> processKeys = new LinkedHashSet<>();
            for (ResourceEntity resource : List.copyOf(deployment.getResources().values())) {
                if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
                    ModelForms model = ModelForms.of(resource.getBytes());
                    model.boundToTheDeployment().stream().filter(formId -> !held.contains(formId))
                            .forEach(formId -> missing.putIfAbsent(formId, resource.getName()));
                    processKeys.addAll(model.processKeys());
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            carryOverFromTheVersionsReplaced(deployment, processKeys, missing);
            if (!missing.isEmpty()) {
                List<String> lines = new ArrayList<>();
                missing.forEach((formId, model) -> lines.add(model + " needs the form '" + formId + "'"));
                throw new RefusedUserInput("Deploy each model together with the forms it uses (in Camunda Modeler: "
                        + "include additional files): " + String.join("; ", lines) + ". Nothing was deployed.", null);
            }
        }

        private static void carryOverFromTheVersionsReplaced(DeploymentEntity deployment, Set<String> processKeys,
                Map<String, String> missing) {
            CommandContext commandContext = Context.getCommandContext();
            for (String key : processKeys) {
                var replaced = commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key);
                if (replaced == null || missing.isEmpty()) {
                    continue;
                }
                for (ResourceEntity form : commandContext.getResourceManager().findResourcesByDeploymentId(replaced.getDeploymentId())) {
                    String formId = form.getName().endsWith(".form") ? formId(form.getBytes()) : null;
                    if (formId != null && missing.containsKey(formId) && !deployment.getResources().containsKey(form.getName())) {
                        ResourceEntity copy = new ResourceEntity();
                        copy.setName(form.getName());
                        copy.setBytes(form.getBytes());
                        copy.setDeploymentId(deployment.getId());
                        copy.setType(form.getType());
                        copy.setCreateTime(deployment.getDeploymentTime());
                        commandContext.getResourceManager().insertResource(copy);
                        deployment.addResource(copy);
                        missing.remove(formId);
                    }
                }
            }
        }

        private static Set<String> formsOf(Collection<ResourceEntity> resources) {
            Set<String> ids = new LinkedHashSet<>();
            resources.stream().filter(resource -> resource.getName().endsWith(".form"))
                    .map(resource -> formId(resource.getBytes())).forEach(ids::add);
            return ids;
        }

        /** A model's process keys and the forms it binds with {@code deployment}; none when it does not parse (the BPMN deployer then says why). */
        private record ModelForms(List<String> processKeys, List<String> boundToTheDeployment) {

            static ModelForms of(byte[] bpmn) {
                try {
                    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
                    return new ModelForms(
                            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
                                    .map(process -> process.getId()).toList(),
                            formRefs(model).entrySet().stream().filter(ref -> BINDING_DEPLOYMENT.equals(ref.getValue()))
                                    .map(Map.Entry::getKey).toList());
                } catch (RuntimeException unreadable) {
                    return new ModelForms(List.of(), List.of());
                }
            }
        }
    }
}
