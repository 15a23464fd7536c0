package org.instanceha.recovery.operator;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.instanceha.recovery.RecoveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Tasklist is usable on first start: the operators' group ({@code instanceha.recovery.operator-group},
 * {@code ha-operators}) exists and may open Tasklist, the administrator is a member, and the shared filter
 * "Instances to recover" lists the group's open tasks, newest first. Camunda grants the candidate group
 * of each task the right to work on it. What exists already is left as it is, so an operator's changes
 * to the group or the filter survive restarts.
 */
@Component
public class OperatorsInTasklist implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorsInTasklist.class);
    public static final String FILTER_NAME = "Instances to recover";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final String group;
    private final String adminUser;

    public OperatorsInTasklist(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                               TaskService tasks, RecoveryProperties properties,
                               @Value("${camunda.bpm.admin-user.id:}") String adminUser) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.group = properties.operatorGroup();
        this.adminUser = adminUser;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group created = identity.newGroup(group);
            created.setName("Instance HA operators");
            created.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(created);
            grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            log.info("Created the operators' group {}; its members handle the instances the engine could not "
                    + "recover, in Tasklist", group);
        }
        if (!adminUser.isBlank() && identity.createUserQuery().userId(adminUser).count() > 0
                && identity.createUserQuery().userId(adminUser).memberOfGroup(group).count() == 0) {
            identity.createMembership(adminUser, group);
            log.info("Administrator {} is a member of {}", adminUser, group);
        }
        if (filters.createFilterQuery().filterName(FILTER_NAME).count() == 0) {
            TaskQuery query = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                    .orderByTaskCreateTime().desc();
            Filter filter = filters.newTaskFilter(FILTER_NAME).setQuery(query).setProperties(Map.of(
                    "description", "Instances the engine could not recover: decide what happens to each",
                    "priority", -10, "color", "#e0a800", "refresh", true));
            filters.saveFilter(filter);
            grant(Resources.FILTER, filter.getId(), Permissions.READ);
            log.info("Created the shared Tasklist filter '{}' for {}", FILTER_NAME, group);
        }
    }

    private void grant(Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
