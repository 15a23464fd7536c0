-- The host monitor's leader lease (Spring Integration's JdbcLockRegistry): one row per held lock; a lock whose
-- CREATED_DATE is older than the lease time is free to take. The table is Spring Integration's own INT_LOCK.
CREATE TABLE INT_LOCK (
    LOCK_KEY     CHAR(36)     NOT NULL,
    REGION       VARCHAR(100) NOT NULL,
    CLIENT_ID    CHAR(36),
    CREATED_DATE TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
