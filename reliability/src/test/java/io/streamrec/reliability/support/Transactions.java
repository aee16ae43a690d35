package io.streamrec.reliability.support;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/** The broker's view of transactions (Admin listTransactions), for exactly-once hygiene checks. */
public final class Transactions {
    private Transactions() {}

    /** Transactions whose id starts with {@code prefix} and that are neither committed nor aborted. */
    public static List<String> open(String bootstrap, String prefix) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            return admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.transactionalId().startsWith(prefix))
                    .filter(t -> t.state() == TransactionState.ONGOING || t.state() == TransactionState.PREPARE_COMMIT
                            || t.state() == TransactionState.PREPARE_ABORT)
                    .map(t -> t.transactionalId() + "=" + t.state())
                    .toList();
        }
    }

    /** Every transactional id of the broker that starts with {@code prefix}, in any state. */
    public static List<String> all(String bootstrap, String prefix) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            return admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId).filter(id -> id.startsWith(prefix)).sorted().toList();
        }
    }
}
