package cn.chanrong.scf.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.scf.SigningKeyRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/signing-keys")
@Tag(name = "signing keys", description = "Enterprises register their own SM2 public keys; the platform verifies, never signs")
class SigningKeyApi {

    /** {@code publicKey}: hex of the SM2 point, PEM PUBLIC KEY or CERTIFICATE, or Base64 X.509. */
    record Registration(String publicKey) {
    }

    private final SigningKeyRegistry registry;

    SigningKeyApi(SigningKeyRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Register the enterprise's SM2 public key (hex 04‖x‖y, PEM or certificate); the active one is revoked")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<SigningKeyRegistry.RegisteredKey> register(Caller caller, @RequestBody Registration body) {
        return ResponseEntity.status(201).body(registry.register(caller, body == null ? null : body.publicKey()));
    }

    @GetMapping
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The enterprise's keys: the active one first, then the revoked ones with when and by whom")
    List<SigningKeyRegistry.RegisteredKey> list(Caller caller) {
        return registry.list(caller);
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Revoke a lost or compromised key; decisions then need a newly registered one")
    SigningKeyRegistry.RegisteredKey revoke(Caller caller, @PathVariable long id) {
        return registry.revoke(caller, id);
    }
}
