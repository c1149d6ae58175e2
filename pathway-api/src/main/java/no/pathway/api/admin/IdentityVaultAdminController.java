package no.pathway.api.admin;

import no.pathway.api.identity.IdentityVault;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The identity vault as an operator sees it (no numbers, only counts per key-encryption key), and the online half of
 * a key rotation: re-wrapping every data key under the primary key (docs/operations.md, "Key rotation").
 */
@RestController
@RequestMapping("/api/v1/admin/identity-vault")
public class IdentityVaultAdminController {
    private static final int REWRAP_BATCH = 500;

    /** What a re-wrap did, and the vault after it. */
    public record Rewrapped(long rewrapped, IdentityVault.Status status) {
    }

    private final IdentityVault vault;
    private final TransactionTemplate transaction;

    IdentityVaultAdminController(IdentityVault vault, PlatformTransactionManager transactions) {
        this.vault = vault;
        this.transaction = new TransactionTemplate(transactions);
    }

    @GetMapping
    public IdentityVault.Status status() {
        return vault.status();
    }

    /** Re-wraps in short transactions of {@value #REWRAP_BATCH}, so ingestion and reveals go on meanwhile. */
    @PostMapping("/rewrap")
    public Rewrapped rewrap() {
        long total = 0;
        Integer done;
        do {
            done = transaction.execute(tx -> vault.rewrap(REWRAP_BATCH));
            total += done == null ? 0 : done;
        } while (done != null && done == REWRAP_BATCH);
        return new Rewrapped(total, vault.status());
    }
}
