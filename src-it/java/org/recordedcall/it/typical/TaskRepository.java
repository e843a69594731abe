package org.recordedcall.it.typical;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The application's data access, as an EJB with an unqualified persistence context. */
@Stateless
public class TaskRepository {

    @PersistenceContext
    EntityManager entities;

    public Task add(Task task) {
        entities.persist(task);
        return task;
    }

    public List<Task> all() {
        return entities.createQuery("select t from Task t order by t.id", Task.class).getResultList();
    }

    /** The task, or null. */
    public Task find(long id) {
        return entities.find(Task.class, id);
    }

    /** The task with its new status, or null when there is none. */
    public Task changeStatus(long id, String status) {
        var task = find(id);
        if (task != null) {
            task.setStatus(status);
        }
        return task;
    }
}
