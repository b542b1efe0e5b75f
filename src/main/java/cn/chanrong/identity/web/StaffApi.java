package cn.chanrong.identity.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An institution's administrator manages its staff: operators who file and lend, reviewers, approvers. */
@RestController
@RequestMapping("/api/v1/institution-staff")
@Tag(name = "identity", description = "Institution staff, managed by the institution's administrator")
class StaffApi {

    private final Users users;

    StaffApi(Users users) {
        this.users = users;
    }

    record StaffRequest(String username, String password, String displayName, Set<String> authorities) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Create a staff member of one's own institution (institution administrators)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody StaffRequest body) {
        long id = users.createStaff(caller, body.username(), body.password(), body.displayName(), body.authorities());
        return ResponseEntity.status(201).body(Map.of("id", id, "username", body.username()));
    }

    @GetMapping
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The staff of one's own institution (institution administrators)")
    List<Users.UserView> list(Caller caller) {
        return users.staff(caller);
    }
}
