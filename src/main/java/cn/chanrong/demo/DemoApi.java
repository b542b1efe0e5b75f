package cn.chanrong.demo;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How far the demo economy's background histories have loaded. */
@RestController
class DemoApi {

    private final DemoEconomyLoader loader;

    DemoApi(DemoEconomyLoader loader) {
        this.loader = loader;
    }

    @GetMapping("/api/v1/demo/progress")
    @PreAuthorize("isAuthenticated()")
    DemoEconomyLoader.DemoProgress progress() {
        return loader.progress();
    }
}
