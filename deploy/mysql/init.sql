-- First-start initialisation of the Compose stack's MySQL: two schemas, two users, each user confined
-- to its own schema. RevFlow and Camunda share the server, not their data or their credentials.
--
-- This file holds no password. The @...@ tokens are replaced from the container's environment by
-- deploy/mysql/10-revflow-camunda.sh, which the mysql image runs once, on an empty data volume.
-- For a server you run yourself, replace the tokens by hand and run it as an administrator.

-- RevFlow: Flyway creates and migrates its tables (src/main/resources/db/migration) at start-up.
CREATE DATABASE IF NOT EXISTS `@REVFLOW_DB_NAME@`
  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;

-- Camunda secondary storage (Operate, Tasklist, Admin and the search API read it through the
-- Orchestration Cluster): Liquibase creates and migrates the tables at start-up (auto-DDL).
-- A binary, case-sensitive collation: BPMN ids, variable names and user names are case-sensitive,
-- and Camunda asks for case-sensitive collations on MySQL elsewhere (Web Modeler).
CREATE DATABASE IF NOT EXISTS `@CAMUNDA_DB_NAME@`
  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE USER IF NOT EXISTS '@REVFLOW_DB_USER@'@'%' IDENTIFIED BY '@REVFLOW_DB_PASSWORD@';
CREATE USER IF NOT EXISTS '@CAMUNDA_DB_USER@'@'%' IDENTIFIED BY '@CAMUNDA_DB_PASSWORD@';

-- Both applications manage their own schema (DDL at start-up), so each gets every privilege on its
-- schema and none elsewhere. With manually applied migrations, SELECT, INSERT, UPDATE, DELETE suffice.
GRANT ALL PRIVILEGES ON `@REVFLOW_DB_NAME@`.* TO '@REVFLOW_DB_USER@'@'%';
GRANT ALL PRIVILEGES ON `@CAMUNDA_DB_NAME@`.* TO '@CAMUNDA_DB_USER@'@'%';

FLUSH PRIVILEGES;
