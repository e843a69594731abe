package org.recordedcall.demo;

/** An order as the demo API reads and writes it. */
public class Order {
    public String id;
    public String item;
    public int quantity;

    public Order() {
    }

    public Order(String id, String item, int quantity) {
        this.id = id;
        this.item = item;
        this.quantity = quantity;
    }
}
