package io.artifactpipeline.persistence;

import io.artifactpipeline.core.port.ArtifactChange;
import org.hibernate.Session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The SQL of the change feed table. */
final class ChangeRows {
    record Row(long seq, ArtifactChange change) {
    }

    private ChangeRows() {
    }

    static long latestSeq(Session session) {
        return session.createNativeQuery("select coalesce(max(seq), 0) from artifact_change", Long.class)
                .getSingleResult();
    }

    static int insert(Session session, ArtifactChange change, Instant publishedAt) {
        return session.createNativeMutationQuery("""
                        insert into artifact_change
                            (project_id, artifact_id, artifact_type, kind, status, version_number, changed_at, published_at)
                        values (:project, :artifact, :type, :kind, :status, :version, :changedAt, :publishedAt)
                        """)
                .setParameter("project", change.projectId().value())
                .setParameter("artifact", change.artifactId().value())
                .setParameter("type", change.type().name())
                .setParameter("kind", change.kind().name())
                .setParameter("status", change.status().name())
                .setParameter("version", change.versionNumber())
                .setParameter("changedAt", change.at())
                .setParameter("publishedAt", publishedAt)
                .executeUpdate();
    }

    static List<Row> after(Session session, long floor) {
        List<Object[]> rows = session.createNativeQuery("""
                        select seq, project_id, artifact_id, artifact_type, kind, status, version_number, changed_at
                        from artifact_change where seq > :floor order by seq
                        """, Object[].class)
                .addScalar("seq", Long.class)
                .addScalar("project_id", UUID.class)
                .addScalar("artifact_id", UUID.class)
                .addScalar("artifact_type", String.class)
                .addScalar("kind", String.class)
                .addScalar("status", String.class)
                .addScalar("version_number", Integer.class)
                .addScalar("changed_at", Instant.class)
                .setParameter("floor", floor)
                .getResultList();
        return rows.stream().map(r -> new Row((Long) r[0], DatabaseArtifactEvents.change((UUID) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], (String) r[5], (Integer) r[6], (Instant) r[7]))).toList();
    }

    static int deleteBefore(Session session, Instant cutoff) {
        return session.createNativeMutationQuery("delete from artifact_change where published_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
