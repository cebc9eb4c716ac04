package dev.example.blog

import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking

/** A post as the index lists it. */
data class Post(val title: String, val tags: List<String> = emptyList(), var views: Int = 0)

sealed interface Result<out T> {
    data class Ok<T>(val value: T) : Result<T>
    data class Failed(val reason: String) : Result<Nothing>
}

class Index(private val posts: MutableList<Post> = mutableListOf()) {
    val size: Int
        get() = posts.size

    fun add(post: Post): Result<Post> {
        if (posts.any { it.title == post.title }) {
            return Result.Failed("duplicate title: ${post.title}")
        }
        posts += post
        return Result.Ok(post)
    }

    fun byTag(tag: String): List<Post> = posts.filter { tag in it.tags }.sortedByDescending { it.views }

    suspend fun refresh(delayMillis: Long = 250L) {
        delay(delayMillis)
        posts.forEach { it.views++ }
    }
}

fun main() = runBlocking {
    val index = Index()
    val result = index.add(Post("Hello, Kotlin", listOf("kotlin", "jvm")))
    when (result) {
        is Result.Ok -> println("added ${result.value.title}")
        is Result.Failed -> println("error: " + result.reason)
    }
    index.refresh()
    val ratio = index.size / 2.0
    println("posts: ${index.size}, ratio: $ratio, hex: ${0x1F}")
    // done
}
