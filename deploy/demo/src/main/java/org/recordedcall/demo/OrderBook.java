package org.recordedcall.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The demo's orders, the newest 10,000 kept in memory (a benchmark's hundreds of thousands do
 * not fill the heap); served recorded by {@link OrdersResource}, unrecorded by
 * {@link UnrecordedOrdersResource}.
 */
@ApplicationScoped
public class OrderBook {

    private static final int KEPT = 10_000;

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Queue<String> arrived = new ConcurrentLinkedQueue<>();

    public Order add(Order order) {
        var stored = new Order(UUID.randomUUID().toString().substring(0, 8), order.item, order.quantity);
        orders.put(stored.id, stored);
        arrived.add(stored.id);
        if (orders.size() > KEPT) {
            var oldest = arrived.poll();
            if (oldest != null) {
                orders.remove(oldest);
            }
        }
        return stored;
    }

    public Order find(String id) {
        var order = orders.get(id);
        if (order == null) {
            throw new NotFoundException("no order " + id);
        }
        return order;
    }

    public void remove(String id) {
        orders.remove(id);
    }
}
