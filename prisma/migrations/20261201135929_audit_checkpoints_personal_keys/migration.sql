-- CreateTable
CREATE TABLE "audit_checkpoint" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "chains" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_checkpoint_chain" (
    "checkpointId" BIGINT NOT NULL,
    "chainKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoint_chain_pkey" PRIMARY KEY ("checkpointId","chainKey")
);

-- CreateTable
CREATE TABLE "personal_data_key" (
    "subject" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "personal_data_key_pkey" PRIMARY KEY ("subject")
);

-- Hand-written: checkpoints are append-only like audit_event.
CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_checkpoint_no_update_delete
    BEFORE UPDATE OR DELETE ON "audit_checkpoint"
    FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();

CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON "audit_checkpoint"
    FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();

CREATE TRIGGER audit_checkpoint_chain_no_update_delete
    BEFORE UPDATE OR DELETE ON "audit_checkpoint_chain"
    FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();

CREATE TRIGGER audit_checkpoint_chain_no_truncate
    BEFORE TRUNCATE ON "audit_checkpoint_chain"
    FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();
