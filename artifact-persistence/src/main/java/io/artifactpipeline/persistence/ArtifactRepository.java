package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.UserId;
import org.hibernate.Session;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Artifacts, their annotations and history. Reads join to the owning project and filter by owner in the
 * query itself, and fetch annotations in the same statement: one artifact or a project's five cost one query.
 */
final class ArtifactRepository {
    private static final String OWNED_ARTIFACTS = """
            select a from ArtifactEntity a
            join ProjectEntity p on p.id = a.projectId
            left join fetch a.annotations
            where p.ownerId = :owner
            """;

    private ArtifactRepository() {
    }

    static Optional<Artifact> find(Session session, UserId owner, ArtifactId id) {
        return session.createSelectionQuery(OWNED_ARTIFACTS + " and a.id = :id", ArtifactEntity.class)
                .setParameter("owner", owner.value())
                .setParameter("id", id.value())
                .uniqueResultOptional()
                .map(entity -> withDependencyHeads(session, entity.toArtifact()));
    }

    /**
     * The artifact with its dependencies' latest revision numbers: one small query over the project's
     * rows (by the unique project/type index), none for an artifact that depends on nothing.
     */
    static Artifact withDependencyHeads(Session session, Artifact artifact) {
        if (artifact.type().dependencies().isEmpty()) {
            return artifact;
        }
        Map<ArtifactType, Integer> heads = new EnumMap<>(ArtifactType.class);
        session.createSelectionQuery("select a.type, a.headRevision from ArtifactEntity a where a.projectId = :project",
                        Object[].class)
                .setParameter("project", artifact.projectId().value())
                .getResultList()
                .forEach(row -> heads.put((ArtifactType) row[0], (Integer) row[1]));
        return artifact.withLineage(artifact.lineage().seenAgainst(artifact.type(), heads));
    }

    static List<Artifact> listByProject(Session session, UserId owner, ProjectId projectId) {
        List<Artifact> artifacts = session.createSelectionQuery(OWNED_ARTIFACTS + " and a.projectId = :project", ArtifactEntity.class)
                .setParameter("owner", owner.value())
                .setParameter("project", projectId.value())
                .getResultList().stream()
                .map(ArtifactEntity::toArtifact)
                .sorted(Comparator.comparing(Artifact::type))
                .toList();
        // The five rows carry every head revision: staleness costs no further query.
        Map<ArtifactType, Integer> heads = new EnumMap<>(ArtifactType.class);
        artifacts.forEach(artifact -> heads.put(artifact.type(), artifact.lineage().headRevision()));
        return artifacts.stream()
                .map(artifact -> artifact.withLineage(artifact.lineage().seenAgainst(artifact.type(), heads)))
                .toList();
    }

    /** A founder's change (an edit or a restore) with its revision, if the row is still the one they saw. */
    static Artifact saveFounderChange(Session session, Artifact edited, long expectedRowVersion, Revision revision) {
        ArtifactEntity entity = session.find(ArtifactEntity.class, edited.id().value());
        if (entity == null) {
            throw new NotFoundException("artifact");
        }
        if (entity.isGenerating()) {
            throw new ArtifactBusyException();
        }
        if (entity.rowVersion() != expectedRowVersion) {
            throw new StaleArtifactException();
        }
        entity.copyContentAndStatus(edited);
        int number = entity.advanceHead();
        // The update is conditional on the row version read above; a concurrent change makes it match no
        // row, which Hibernate reports and StoreErrors turns into StaleArtifactException.
        session.flush();
        session.persist(RevisionEntity.of(revision, number));
        return withDependencyHeads(session, entity.toArtifact());
    }

    static Artifact addAnnotation(Session session, UserId owner, ArtifactId id, Annotation annotation) {
        // Bumps the row version and locks the row, so positions below are numbered one writer at a time.
        int touched = session.createMutationQuery("""
                        update versioned ArtifactEntity a set a.updatedAt = :at
                        where a.id = :id and a.projectId in (select p.id from ProjectEntity p where p.ownerId = :owner)
                        """)
                .setParameter("at", StoredTime.of(annotation.createdAt()))
                .setParameter("id", id.value())
                .setParameter("owner", owner.value())
                .executeUpdate();
        if (touched == 0) {
            throw new NotFoundException("artifact");
        }
        long existing = session.createSelectionQuery(
                        "select count(n) from AnnotationEntity n where n.artifactId = :id", Long.class)
                .setParameter("id", id.value())
                .getSingleResult();
        session.persist(AnnotationEntity.of(id.value(), (int) existing + 1, annotation));
        session.flush();
        return find(session, owner, id).orElseThrow(() -> new NotFoundException("artifact"));
    }

    /** Newest first after a position, reading every column but the content. */
    static Page<RevisionSummary, Integer> revisionPage(Session session, UserId owner, ArtifactId id,
                                                       PageRequest<Integer> request) {
        List<RevisionSummary> rows = session.createSelectionQuery("""
                        select r.number, r.versionNumber, r.source, r.actor, r.createdAt, r.sections, r.restoredFrom
                        from RevisionEntity r
                        join ArtifactEntity a on a.id = r.artifactId
                        join ProjectEntity p on p.id = a.projectId
                        where r.artifactId = :id and p.ownerId = :owner and r.number < :after
                        order by r.number desc
                        """, Object[].class)
                .setParameter("id", id.value())
                .setParameter("owner", owner.value())
                .setParameter("after", request.after().orElse(Integer.MAX_VALUE))
                .setMaxResults(request.limit() + 1)
                .getResultList().stream()
                .map(ArtifactRepository::summary)
                .toList();
        return Page.of(rows, request.limit(), RevisionSummary::number);
    }

    @SuppressWarnings("unchecked")
    private static RevisionSummary summary(Object[] row) {
        return new RevisionSummary((Integer) row[0], (Integer) row[1], (RevisionSource) row[2], (String) row[3],
                (Instant) row[4], (List<String>) row[5], RevisionEntity.restoredFrom((Integer) row[6]));
    }

    static Optional<Revision> revision(Session session, UserId owner, ArtifactId id, int number) {
        return ownedRevisions(session, owner, id, "and r.number = :number")
                .setParameter("number", number)
                .uniqueResultOptional().map(RevisionEntity::toRevision);
    }

    private static org.hibernate.query.SelectionQuery<RevisionEntity> ownedRevisions(Session session, UserId owner,
                                                                                   ArtifactId id, String rest) {
        return session.createSelectionQuery("""
                        select r from RevisionEntity r
                        join ArtifactEntity a on a.id = r.artifactId
                        join ProjectEntity p on p.id = a.projectId
                        where r.artifactId = :id and p.ownerId = :owner
                        """ + rest, RevisionEntity.class)
                .setParameter("id", id.value())
                .setParameter("owner", owner.value());
    }
}
