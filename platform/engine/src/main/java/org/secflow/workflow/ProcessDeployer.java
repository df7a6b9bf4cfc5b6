package org.secflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys every {@code .bpmn} file of the BPMN directory to the engine, one Camunda deployment per file named
 * after the file, with Camunda's duplicate filtering: an unchanged file keeps its version, a changed one becomes
 * the next version (running instances finish on the version they started on). A file the parser refuses is not
 * deployed; its errors (file, element, line) are reported and kept as {@link #lastRefused()}, and the previous
 * version keeps running. Files come from Camunda Modeler unchanged. Thread-safe (deployments are serialised).
 */
public final class ProcessDeployer {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final String SUFFIX = ".bpmn";

    private final ProcessEngine engine;
    private final Path directory;
    private final Clock clock;
    private volatile DeploymentReport lastRefused;

    public ProcessDeployer(ProcessEngine engine, Path directory, Clock clock) {
        this.engine = engine;
        this.directory = directory;
        this.clock = clock;
    }

    /** The BPMN directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Deploys the changed files of the directory.
     *
     * @return what was deployed, unchanged and refused
     * @throws java.io.UncheckedIOException when the directory cannot be read
     */
    public synchronized DeploymentReport deployAll() {
        List<String> deployed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<BpmnProblem> refused = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                deployOne(name, file, in, deployed, unchanged, refused);
            } catch (IOException e) {
                refused.add(new BpmnProblem(name, "cannot read: " + e.getMessage(), null, null, null));
            }
        }
        DeploymentReport report = new DeploymentReport(clock.instant(), deployed, unchanged, refused);
        if (!report.ok()) {
            lastRefused = report;
        }
        return report;
    }

    /**
     * Deploys one uploaded file (e.g. saved by Camunda Modeler) exactly as {@link #deployAll} deploys a file of the
     * directory, and on success writes it into the directory under {@code fileName}, replacing the file of that name,
     * so the directory stays the source of what runs. A refused file is not written; its errors (file, element, line,
     * column) are in the report and kept as {@link #lastRefused()}, and the previous version keeps running.
     *
     * @param fileName {@code <name>.bpmn}: letters, digits, {@code . _ -}, no folder
     * @param content the file's bytes (UTF-8 XML)
     * @return what was deployed, unchanged (identical to the deployed version) or refused
     * @throws IllegalArgumentException for a file name outside that pattern
     * @throws java.io.UncheckedIOException when the directory cannot be written
     */
    public synchronized DeploymentReport deployUpload(String fileName, byte[] content) {
        if (fileName == null || !fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.bpmn")) {
            throw new IllegalArgumentException("a BPMN file name is <name>.bpmn of letters, digits, '.', '_' and '-'");
        }
        List<String> deployed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<BpmnProblem> refused = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            // written beside the target first (a name deployAll ignores), moved over it only once deployed
            Path staged = Files.createTempFile(directory, ".upload-", ".part");
            try {
                Files.write(staged, content);
                try (InputStream in = Files.newInputStream(staged)) {
                    deployOne(fileName, staged, in, deployed, unchanged, refused);
                }
                if (refused.isEmpty()) {
                    Files.move(staged, directory.resolve(fileName), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + fileName + " into the BPMN directory", e);
        }
        DeploymentReport report = new DeploymentReport(clock.instant(), deployed, unchanged, refused);
        if (!report.ok()) {
            lastRefused = report;
        }
        return report;
    }

    private void deployOne(String name, Path file, InputStream in, List<String> deployed, List<String> unchanged,
                           List<BpmnProblem> refused) {
        try {
            DeploymentWithDefinitions d = engine.getRepositoryService().createDeployment()
                    .name(name).source("secflow:" + directory)
                    .addInputStream(name, in)
                    .enableDuplicateFiltering(true)
                    .deployWithResult();
            if (d.getDeployedProcessDefinitions() == null || d.getDeployedProcessDefinitions().isEmpty()) {
                unchanged.add(name);
            } else {
                deployed.add(name);
                LOG.info("deployed {} as {}", name, d.getDeployedProcessDefinitions().stream()
                        .map(p -> p.getKey() + " v" + p.getVersion()).toList());
            }
        } catch (ParseException e) {
            List<BpmnProblem> problems = located(file, name, problems(name, e));
            refused.addAll(problems);
            problems.forEach(p -> LOG.warn("refused {} (element {}, line {}): {}", name, p.element(), p.line(), p.message()));
        } catch (RuntimeException e) {
            // Camunda reports a file that is not well-formed as a bare engine exception, without line or column
            refused.addAll(located(file, name, List.of(new BpmnProblem(name, String.valueOf(e.getMessage()), null, null, null))));
            LOG.warn("refused {}: {}", name, e.getMessage());
        }
    }

    /** The last deployment that refused a file, if any. */
    public Optional<DeploymentReport> lastRefused() {
        return Optional.ofNullable(lastRefused);
    }

    /** Every deployed process definition, newest version first per key. */
    public List<ProcessDefinitionInfo> definitions() {
        RepositoryService repo = engine.getRepositoryService();
        List<ProcessDefinition> all = repo.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
        List<ProcessDefinitionInfo> out = new ArrayList<>();
        String previousKey = null;
        for (ProcessDefinition p : all) {
            Deployment d = repo.createDeploymentQuery().deploymentId(p.getDeploymentId()).singleResult();
            out.add(new ProcessDefinitionInfo(p.getKey(), p.getName(), p.getVersion(), p.getId(), p.getResourceName(),
                    d == null ? null : d.getDeploymentTime().toInstant(), !p.getKey().equals(previousKey)));
            previousKey = p.getKey();
        }
        return out;
    }

    private List<Path> bpmnFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list BPMN directory " + directory, e);
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /**
     * The problems with a line wherever the file can give one: Camunda says nothing of where a file that is not
     * well-formed breaks (the XML parser does), and names some elements without a line.
     */
    private static List<BpmnProblem> located(Path file, String name, List<BpmnProblem> problems) {
        if (problems.stream().allMatch(p -> p.line() != null)) {
            return problems;
        }
        byte[] xml;
        try {
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            return problems;
        }
        BpmnProblem broken = BpmnLocator.notWellFormed(name, xml);
        if (broken != null) {
            return List.of(broken);
        }
        List<BpmnProblem> out = new ArrayList<>();
        for (BpmnProblem p : problems) {
            int[] at = p.line() == null ? BpmnLocator.lineAndColumnOf(xml, p.element()) : null;
            out.add(at == null ? p : new BpmnProblem(p.file(), p.message(), p.element(), at[0], at[1]));
        }
        return out;
    }

    private static List<BpmnProblem> problems(String file, ParseException e) {
        List<BpmnProblem> out = new ArrayList<>();
        for (ResourceReport r : e.getResorceReports()) {
            r.getErrors().forEach(p -> out.add(new BpmnProblem(file, p.getMessage(), p.getMainElementId(),
                    p.getLine() > 0 ? p.getLine() : null, p.getColumn() > 0 ? p.getColumn() : null)));
        }
        if (out.isEmpty()) {
            out.add(new BpmnProblem(file, e.getMessage(), null, null, null));
        }
        return out;
    }
}
