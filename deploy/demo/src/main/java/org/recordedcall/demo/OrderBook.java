package org.recordedcall.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The demo's orders, kept in memory; served recorded by {@link OrdersResource}, unrecorded by {@link UnrecordedOrdersResource}. */
@ApplicationScoped
public class OrderBook {

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    public Order add(Order order) {
        var stored = new Order(UUID.randomUUID().toString().substring(0, 8), order.item, order.quantity);
        orders.put(stored.id, stored);
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
