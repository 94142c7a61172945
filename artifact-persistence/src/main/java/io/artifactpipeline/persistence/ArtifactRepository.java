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
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.UserId;
import org.hibernate.Session;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Founders' changes to artifacts (edits, restores, notes) and their history, through Hibernate. Reads join
 * to the owning project and filter by owner in the query itself. The reads every client and generation
 * makes are plain JDBC, in {@link ArtifactRows}.
 */
final class ArtifactRepository {
    private ArtifactRepository() {
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
        return session.doReturningWork(connection -> ArtifactRows.find(connection, owner, id))
                .orElseThrow(() -> new NotFoundException("artifact"));
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
