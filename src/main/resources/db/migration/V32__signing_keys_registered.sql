-- Issue 15 §7: enterprises register their own SM2 public keys; the signer's software signs and the
-- platform only verifies (Electronic Signature Law art. 13). Platform-held keys (scf_signing_key)
-- remain for demo mode only.

COMMENT ON TABLE scf_signing_key IS
  'Demo mode only: SM2 keys the platform holds for an enterprise, a stand-in for the enterprise''s own key';

CREATE TABLE scf_registered_key
(
  id                    BIGSERIAL PRIMARY KEY,
  enterprise_id         BIGINT NOT NULL REFERENCES enterprise (id),
  algorithm             TEXT NOT NULL,
  public_key            TEXT NOT NULL,       -- Base64 X.509 SubjectPublicKeyInfo DER, named curve sm2p256v1
  fingerprint           CHAR(64) NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'), -- SHA-256 of that DER
  format                TEXT NOT NULL CHECK (format IN ('HEX', 'PEM', 'CERTIFICATE', 'BASE64')),
  certificate_subject   TEXT,
  certificate_not_after TIMESTAMPTZ,
  registered_by         TEXT NOT NULL,
  registered_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at            TIMESTAMPTZ,
  revoked_by            TEXT,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
  CHECK (revoked_at IS NULL OR revoked_at >= registered_at),
  CHECK ((format = 'CERTIFICATE') = (certificate_not_after IS NOT NULL))
);
-- one active key per enterprise; a key belongs to one enterprise and is never registered twice
CREATE UNIQUE INDEX scf_registered_key_active ON scf_registered_key (enterprise_id) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX scf_registered_key_fingerprint ON scf_registered_key (fingerprint);

-- whose key made each stored confirmation signature
ALTER TABLE scf_receivable ADD COLUMN signature_key_holder TEXT
  CHECK (signature_key_holder IN ('PLATFORM', 'REGISTERED', 'UNREGISTERED'));
ALTER TABLE scf_receivable ADD COLUMN signature_key_id BIGINT REFERENCES scf_registered_key (id);
UPDATE scf_receivable r
   SET signature_key_holder = CASE WHEN EXISTS (SELECT 1 FROM scf_signing_key k WHERE k.public_key = r.signature_key)
                                   THEN 'PLATFORM' ELSE 'UNREGISTERED' END
 WHERE r.signature IS NOT NULL;
ALTER TABLE scf_receivable ADD CONSTRAINT scf_receivable_signature_holder
  CHECK ((signature IS NULL) = (signature_key_holder IS NULL)
     AND (signature_key_holder = 'REGISTERED') = (signature_key_id IS NOT NULL));
