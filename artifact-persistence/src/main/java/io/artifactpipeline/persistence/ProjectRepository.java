package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;
import org.hibernate.Session;

import java.util.List;
import java.util.Optional;

/** Projects, always read through their owner: a foreign project is never loaded. */
final class ProjectRepository {
    private ProjectRepository() {
    }

    static Project create(Session session, Project project) {
        ProjectEntity entity = ProjectEntity.of(project);
        session.persist(entity);
        return entity.toProject();
    }

    static Optional<Project> find(Session session, UserId owner, ProjectId id) {
        return session.createSelectionQuery(
                        "from ProjectEntity p where p.id = :id and p.ownerId = :owner", ProjectEntity.class)
                .setParameter("id", id.value())
                .setParameter("owner", owner.value())
                .uniqueResultOptional()
                .map(ProjectEntity::toProject);
    }

    static int count(Session session, UserId owner) {
        return session.createSelectionQuery("select count(p) from ProjectEntity p where p.ownerId = :owner", Long.class)
                .setParameter("owner", owner.value())
                .getSingleResult().intValue();
    }

    static List<Project> list(Session session, UserId owner) {
        return session.createSelectionQuery(
                        "from ProjectEntity p where p.ownerId = :owner order by p.createdAt desc, p.id", ProjectEntity.class)
                .setParameter("owner", owner.value())
                .getResultList().stream()
                .map(ProjectEntity::toProject)
                .toList();
    }
}
