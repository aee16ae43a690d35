package io.streamrec.text;

import java.util.List;

/** Varied real sentences: titles, reviews, searches, different lengths and topics. */
final class Sentences {

    static final List<String> VARIED = List.of(
            "A man is eating food.",
            "A man is eating a piece of bread.",
            "The girl is carrying a baby.",
            "A man is riding a horse.",
            "A woman is playing violin.",
            "Two men pushed carts through the woods.",
            "A man is riding a white horse on an enclosed ground.",
            "A monkey is playing drums.",
            "Someone in a gorilla costume is playing a set of drums.",
            "The stock market fell sharply today.",
            "Wireless noise-cancelling headphones with 30-hour battery life",
            "Stainless steel chef knife, 8 inch",
            "Organic green tea, 100 bags",
            "cheap running shoes for women",
            "kids bicycle 16 inch with training wheels",
            "This blender is loud but it crushes ice in seconds and the jar is easy to clean.",
            "The battery died after two weeks and customer service never answered my emails.",
            "Great value for the price; the fabric feels soft and it kept its shape after washing.",
            "I bought this lamp for my reading corner and the warm light is exactly what I wanted,"
                    + " although the switch feels a little flimsy and the cable could be longer.",
            "After using this espresso machine every morning for three months, I can say the"
                    + " pressure is consistent, the milk frother heats quickly, and cleaning the drip tray"
                    + " takes less than a minute, but the water tank is small for a family of four.",
            "Paperback edition of a classic novel about a whaling voyage and an obsessed captain.",
            "USB-C charging cable, braided, 2 m",
            "gift ideas for a ten year old who likes dinosaurs",
            "How do I return an item that arrived damaged?",
            "Lightweight waterproof hiking jacket with a packable hood and two zip pockets.");

    private Sentences() {}
}
