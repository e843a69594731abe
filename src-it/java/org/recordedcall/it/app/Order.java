package org.recordedcall.it.app;

/** A JSON body the resources read and write. */
public class Order {
    public String item;
    public int quantity;

    public Order() {
    }

    public Order(String item, int quantity) {
        this.item = item;
        this.quantity = quantity;
    }
}
