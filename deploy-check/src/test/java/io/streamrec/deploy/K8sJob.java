package io.streamrec.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The FlinkDeployment of a rendered overlay, with its program arguments and Flink configuration. */
record K8sJob(String overlay, Map<String, Object> deployment, List<String> args, Map<String, String> flinkConfiguration) {

    static K8sJob of(String overlay) {
        Map<String, Object> deployment = Kustomize.render(overlay).single("FlinkDeployment");
        List<String> args = new ArrayList<>();
        for (Object arg : Yaml.list(Yaml.at(deployment, "spec.job.args"), "spec.job.args")) {
            args.add(String.valueOf(arg));
        }
        Map<String, String> config = new LinkedHashMap<>();
        Yaml.mapAt(deployment, "spec.flinkConfiguration").forEach((k, v) -> config.put(k, String.valueOf(v)));
        return new K8sJob(overlay, deployment, args, config);
    }

    Map<String, String> programArgs() {
        return ProgramArgs.parse(args);
    }

    String where() {
        return overlay + " FlinkDeployment";
    }

    /** Every pod template of the deployment: the shared one and the JobManager's and TaskManager's. */
    List<Map<String, Object>> podTemplates() {
        List<Map<String, Object>> templates = new ArrayList<>();
        for (String path : List.of("spec.podTemplate", "spec.jobManager.podTemplate", "spec.taskManager.podTemplate")) {
            Object template = Yaml.at(deployment, path);
            if (template != null) {
                templates.add(Yaml.map(template, path));
            }
        }
        return templates;
    }

    /** Containers and init containers of every pod template. */
    List<Map<String, Object>> containers() {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> template : podTemplates()) {
            for (String field : List.of("spec.containers", "spec.initContainers")) {
                Object list = Yaml.at(template, field);
                if (list != null) {
                    Yaml.list(list, field).forEach(c -> containers.add(Yaml.map(c, "container")));
                }
            }
        }
        return containers;
    }
}
