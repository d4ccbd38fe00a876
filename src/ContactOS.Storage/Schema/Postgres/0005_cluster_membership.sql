-- Cluster membership (docs/cluster.md). One row per silo address, replaced when a silo starts again on the same
-- address; rows of silos that left or died stay for operators to read.
CREATE TABLE contactos_membership (
    address      text        NOT NULL PRIMARY KEY,
    silo_name    text        NOT NULL,
    roles        text        NOT NULL CHECK (roles IN ('front', 'worker', 'both')),
    status       text        NOT NULL CHECK (status IN ('active', 'left', 'dead')),
    -- The membership version at which this incarnation joined; fences writes of an older incarnation.
    epoch        bigint      NOT NULL,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL
);

-- The membership version: every change of status (join, leave, declared dead) increments it with a
-- compare-and-swap in the same transaction, so concurrent changes apply one at a time and none is lost.
-- Heartbeats do not change it.
CREATE TABLE contactos_membership_version (
    id      smallint NOT NULL PRIMARY KEY CHECK (id = 1),
    version bigint   NOT NULL
);
INSERT INTO contactos_membership_version (id, version) VALUES (1, 0);
